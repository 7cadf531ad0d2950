import type { VncScreenHandle } from 'react-vnc'
import type { ConnectionPhase } from '../../core/connection/types.js'
import type { VncCredentials } from '../types.js'
import { quietRepeatDisconnect } from './quietRepeatDisconnect.js'
import type { EarlySocket } from '../urls/EarlySocket.js'

type Rfb = NonNullable<VncScreenHandle['rfb']> & Record<string, unknown>

/**
 * The react-vnc screen of the current attempt: its handle, connecting it once its own mount effect
 * has run, moving noVNC's element where the viewer shows it, pushing live settings, and closing
 * its socket properly. Everything that knows react-vnc or noVNC internals is here.
 */
export class NoVncScreen {
  /** Where the live screen is shown; set by the viewer. */
  host: HTMLElement | null = null
  /** Where react-vnc's own element is kept, hidden (see `adopt`). */
  stash: HTMLElement | null = null
  private handle: VncScreenHandle | null = null
  private connectedKey = -1
  /** The current attempt's socket (opened before noVNC has it), and that attempt's key. */
  private socket: EarlySocket | undefined
  private socketKey = -1
  private readonly refs = new Map<number, (handle: VncScreenHandle | null) => void>()
  private readonly isCurrent: (key: number) => boolean
  private readonly onAttach: () => void
  private readonly closedEarly: (key: number) => void

  constructor(
    isCurrent: (key: number) => boolean,
    onAttach: () => void,
    closedEarly: (key: number) => void,
  ) {
    this.isCurrent = isCurrent
    this.onAttach = onAttach
    this.closedEarly = closedEarly
  }

  /**
   * Keeps the socket of attempt `key` (opened as soon as its URL was known); react-vnc gets it
   * (`websocket`) once its code is here. A close before noVNC attached is this attempt's drop,
   * since noVNC never hears of it. Again for the same `key`: no-op.
   */
  open(key: number, open: () => EarlySocket | undefined): void {
    if (this.socketKey === key) return
    this.socket?.close()
    const socket = open()
    this.socket = socket
    this.socketKey = key
    socket?.whenClosedEarly(() => this.isCurrent(key) && this.closedEarly(key))
  }

  /** The socket for react-vnc's `websocket` prop. */
  websocket(): WebSocket | undefined {
    return this.socket?.socket
  }

  /** A stable ref callback for the screen of attempt `key`: keeps its handle for `connect`. */
  ref(key: number): (handle: VncScreenHandle | null) => void {
    let ref = this.refs.get(key)
    if (!ref) {
      ref = (handle) => {
        if (!handle || !this.isCurrent(key)) return
        this.handle = handle
        if (handle.rfb) {
          quietRepeatDisconnect(handle.rfb)
          this.onAttach()
        }
      }
      this.refs.set(key, ref)
    }
    return ref
  }

  /**
   * Connects the screen of attempt `key`, from a passive effect rendered after it. A microtask,
   * cancelled by the effect's cleanup: StrictMode replays react-vnc's own mount effect (whose
   * cleanup disconnects) synchronously after the first run, so only the replayed run connects.
   * Unlike a timer, this connects before the browser gets a chance to render a frame.
   */
  connect(key: number): () => void {
    let cancelled = false
    queueMicrotask(() => {
      const handle = this.handle
      if (cancelled || !handle || !this.isCurrent(key) || this.connectedKey === key) return
      this.connectedKey = key
      handle.connect()
      this.adopt()
    })
    return () => {
      cancelled = true
    }
  }

  /**
   * Closes the socket with code 1000 and forgets the screen. noVNC's own close sends a close
   * frame without a code, which websockify answers with reserved code 1005 and Chromium then
   * reports as a broken frame, logging the whole URL with its token.
   */
  close(): void {
    const handle = this.handle
    this.handle = null
    this.refs.clear()
    // Before noVNC's own close, which is then a no-op (see EarlySocket.close).
    this.socket?.close()
    this.socket = undefined
    this.socketKey = -1
    // react-vnc removes its listeners before closing, and its synthetic event carries an old key.
    handle?.disconnect()
    this.host?.replaceChildren()
  }

  /** How far the current socket got (read when it closed, before `close`). */
  phase(): ConnectionPhase {
    return this.socket?.phase() ?? 'unopened'
  }

  /** Pushes display settings to the running session (react-vnc only reads them at connect). */
  apply(settings: Record<string, unknown>): void {
    const rfb = this.handle?.rfb as Rfb | null | undefined
    if (!rfb) return
    for (const [key, value] of Object.entries(settings)) {
      if (rfb[key] !== value) rfb[key] = value
    }
  }

  sendKey(keysym: number, code: string, down: boolean): void {
    this.handle?.sendKey(keysym, code, down)
  }

  sendCtrlAltDel(): void {
    this.handle?.sendCtrlAltDel()
  }

  /** Puts text on the server's clipboard (RFB ClientCutText, extended where the server offers it). */
  setServerClipboard(text: string): void {
    this.handle?.clipboardPaste(text)
  }

  /**
   * Whether the server types keys by scancode only, as QEMU does: a key event without one is
   * looked up in QEMU's own keymap and dropped when it is not there. That is a server which
   * acknowledged QEMU's extended key event but never sent a Fence: TigerVNC's Xvnc acknowledges
   * the extended key event too, yet still types any bare keysym, and it sends a Fence at once
   * (QEMU implements no Fence). noVNC 1.5 (bundled by react-vnc) keeps both in private flags,
   * set from what the server sent; there is no public API for them.
   */
  scancodeOnly(): boolean {
    const rfb = this.handle?.rfb as
      { _qemuExtKeyEventSupported?: unknown; _supportsFence?: unknown } | null | undefined
    return rfb?._qemuExtKeyEventSupported === true && rfb._supportsFence !== true
  }

  /**
   * Whether the server offered the extended clipboard (a real clipboard, as TigerVNC has), from
   * noVNC 1.5's private record of the formats it announced. QEMU without an agent has none.
   */
  serverClipboard(): boolean {
    const rfb = this.handle?.rfb as
      { _clipboardServerCapabilitiesFormats?: Record<number, unknown> } | null | undefined
    return Boolean(rfb?._clipboardServerCapabilitiesFormats?.[1])
  }

  /** Bytes the socket still holds unsent: a slow link or a server that stopped reading. */
  backlog(): number {
    return this.socket?.socket.bufferedAmount ?? 0
  }

  power(action: 'shutdown' | 'reboot' | 'reset'): void {
    if (action === 'shutdown') this.handle?.machineShutdown()
    else if (action === 'reboot') this.handle?.machineReboot()
    else this.handle?.machineReset()
  }

  sendCredentials(credentials: VncCredentials): void {
    this.handle?.sendCredentials({
      username: credentials.username ?? '',
      password: credentials.password ?? '',
      target: credentials.target ?? '',
    })
  }

  canvas(): HTMLCanvasElement | null {
    return this.host?.querySelector('canvas') ?? null
  }

  /**
   * Moves noVNC's screen out of react-vnc's element into ours. react-vnc's element blurs the
   * page's focused input and grabs focus whenever the mouse enters it; kept hidden and empty, it
   * never sees the mouse. noVNC tolerates the move (it removes its screen with a NotFound guard).
   */
  private adopt(): void {
    const screen = this.stash?.firstElementChild?.firstElementChild
    if (screen && this.host) this.host.replaceChildren(screen)
  }
}
