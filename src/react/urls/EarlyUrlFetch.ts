import type { EarlySocket } from './EarlySocket.js'

const WS_URL = /^wss?:\/\/./i
/** How long a fetch started in a render waits for its effect before it is given up. */
const UNOWNED_MS = 5_000

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
  readonly key: string
  /** The shell that keeps it (its effect ran); until then a timer gives it up. */
  private owner: object | undefined
  private unowned: ReturnType<typeof setTimeout> | undefined
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
    // Started in a render that may never commit (StrictMode's second call, an interrupted one).
    this.unowned = setTimeout(() => this.release(), UNOWNED_MS)
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

  /**
   * `owner`'s effect keeps it; false if another shell does (two consoles rendered in one tick
   * with the same key share the render's fetch, and the second starts its own).
   */
  own(owner: object): boolean {
    if (this.owner && this.owner !== owner) return false
    this.owner = owner
    clearTimeout(this.unowned)
    return true
  }

  /**
   * `owner`'s effect was cleaned up: released in a microtask unless it takes it back at once, as
   * StrictMode's mount-unmount-mount does.
   */
  disown(owner: object): void {
    if (this.owner !== owner) return
    this.owner = undefined
    queueMicrotask(() => this.owner || this.release())
  }

  /** Cancels the fetch and closes its socket, unless an attempt took them. */
  release(): void {
    clearTimeout(this.unowned)
    if (this.claimed) return
    this.claimed = true
    this.controller.abort()
    this.socket?.close()
  }
}
