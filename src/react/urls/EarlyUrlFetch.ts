import type { EarlySocket } from './EarlySocket.js'

const WS_URL = /^wss?:\/\/./i

/**
 * The first credential fetch of a console, started while the viewer's code still loads, so the API
 * round trip and the lazy chunk overlap instead of adding up; once its URL is there and nobody has
 * taken it yet, it opens the socket too. The viewer's first attempt takes both (once); anything
 * else cancels them, so its one-time token is either used or its request aborted and socket closed.
 */
export class EarlyUrlFetch {
  private readonly controller = new AbortController()
  private claimed = false
  private readonly promise: Promise<string>
  private readonly key: string
  /** The URL once the fetch has succeeded, so the viewer can mount its screen without a tick. */
  url: unknown
  /** The socket opened on `url` before an attempt took this fetch. */
  socket: EarlySocket | undefined

  constructor(
    key: string,
    getUrl: (signal: AbortSignal) => Promise<string>,
    open: (url: string) => EarlySocket,
  ) {
    this.key = key
    // A getUrl that throws at once rejects like one that fails later.
    this.promise = new Promise((resolve) => resolve(getUrl(this.controller.signal)))
    // The attempt that takes it handles a failure; untaken, nobody waits for it.
    this.promise.then(
      (url) => {
        this.url = url
        // Taken already, the attempt opens it; a URL that is not a websocket's fails there.
        if (!this.claimed && typeof url === 'string' && WS_URL.test(url)) this.socket = open(url)
      },
      () => {},
    )
  }

  /**
   * The pending URL, for the attempt of this `key` only and only once, cancelled with `signal`.
   * Another key means the target changed while the code loaded: that fetch is cancelled.
   */
  take(key: string | undefined, signal: AbortSignal): Promise<string> | undefined {
    if (this.claimed) return undefined
    this.claimed = true
    if (key !== this.key) {
      this.controller.abort()
      this.socket?.close()
      return undefined
    }
    signal.addEventListener('abort', () => this.controller.abort(), { once: true })
    return this.promise
  }

  /** Cancels the fetch and closes its socket, unless an attempt took them. */
  release(): void {
    if (this.claimed) return
    this.claimed = true
    this.controller.abort()
    this.socket?.close()
  }
}
