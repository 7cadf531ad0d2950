import type { ConnectionPhase } from '../../core/connection/types.js'

/**
 * An attempt's websocket, opened as soon as its URL is known, while noVNC's code may still load,
 * so the socket's round trips overlap the download. noVNC takes it as it is (`new RFB(target,
 * socket)`, react-vnc's `websocket` prop) and replaces `onmessage` when it attaches: what arrived
 * before (the RFB greeting, on a fast link) is kept and replayed to noVNC's handler in the same
 * task, in order, before any newer message can arrive.
 */
export class EarlySocket {
  readonly socket: WebSocket
  private onEarlyClose: (() => void) | undefined
  /** Kept messages until noVNC attaches; undefined once it has. */
  private kept: MessageEvent[] | undefined = []
  private opened = false
  private heard = false
  private closed = false

  /** The socket's own close (a mocked WebSocket class, as MSW installs, is not the global's). */
  private readonly nativeClose: WebSocket['close']

  constructor(url: string) {
    // The subprotocol noVNC offers with the viewer's `wsProtocols`.
    const socket = new WebSocket(url, ['binary'])
    this.socket = socket
    this.nativeClose = socket.close
    // noVNC's own close has no code (react-vnc's unmount may come before ours): it is this one too.
    socket.close = () => this.close()
    // What noVNC reads (it sets it again when it attaches): kept messages must be ArrayBuffers.
    socket.binaryType = 'arraybuffer'
    socket.addEventListener('open', () => (this.opened = true))
    // Heard, so no environment reports it as uncaught (jsdom does); its close says what happened.
    socket.addEventListener('error', () => {})
    socket.addEventListener('message', (event) => {
      this.heard = true
      this.kept?.push(event)
    })
    socket.addEventListener('close', () => {
      this.closed = true
      if (this.kept) this.onEarlyClose?.()
    })
    // noVNC attaches by assigning `onmessage`: hear it, then let the socket's own setter take it.
    Object.defineProperty(socket, 'onmessage', {
      configurable: true,
      get: () => null,
      set: (handler: (event: MessageEvent) => void) => {
        delete (socket as { onmessage?: unknown }).onmessage
        socket.onmessage = handler
        const kept = this.kept ?? []
        this.kept = undefined
        // After noVNC's attach returns (it reads the socket's state there) and before the next
        // message event: a microtask runs before any other task.
        queueMicrotask(() => {
          for (const event of kept) if (socket.onmessage === handler) handler.call(socket, event)
        })
      },
    })
  }

  /** How far it got: never opened, opened but heard nothing, or heard the server. */
  phase(): ConnectionPhase {
    return !this.opened ? 'unopened' : this.heard ? 'rfb' : 'silent'
  }

  /**
   * Hears a close before noVNC attached (noVNC will never report it): at once, in a microtask, if
   * the socket has closed already.
   */
  whenClosedEarly(listener: () => void): void {
    this.onEarlyClose = listener
    if (this.closed && this.kept) queueMicrotask(listener)
  }

  /**
   * Closes with code 1000 (a close frame without one makes websockify answer 1005, which Chromium
   * reports with the URL). A socket still connecting closes once open: closing it earlier sends no
   * close frame at all, and Chromium logs the URL, token included. noVNC's own code-less close
   * comes here too, and once closing, any later close is a no-op.
   */
  close(): void {
    this.onEarlyClose = undefined
    const { socket, nativeClose } = this
    const close = () => nativeClose.call(socket, 1000)
    socket.close = () => {}
    if (socket.readyState === 1) close()
    else if (socket.readyState === 0) socket.addEventListener('open', close, { once: true })
  }
}
