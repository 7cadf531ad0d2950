import type { VncScreenHandle } from 'react-vnc'
import type { ConnectionPhase } from '../../core/connection/types.js'
import type { VncCredentials } from '../VncCredentials.js'
import { quietRepeatDisconnect } from '../quietRepeatDisconnect.js'

type Rfb = NonNullable<VncScreenHandle['rfb']> & Record<string, unknown>
// noVNC internals read here, all of react-vnc's bundled noVNC 1.5: the socket wrapper and the
// handshake step ('' until the socket opens, 'ProtocolVersion' until the server's first bytes).
type RfbInternals = { _rfbInitState?: unknown; _sock?: { _websocket?: WebSocket | null } }

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
  private lastPhase: ConnectionPhase = 'unopened'
  private readonly refs = new Map<number, (handle: VncScreenHandle | null) => void>()
  private readonly isCurrent: (key: number) => boolean
  private readonly onAttach: () => void

  constructor(isCurrent: (key: number) => boolean, onAttach: () => void) {
    this.isCurrent = isCurrent
    this.onAttach = onAttach
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
    this.lastPhase = this.phase()
    this.handle = null
    this.refs.clear()
    const socket = (handle?.rfb as RfbInternals | null | undefined)?._sock?._websocket
    if (socket && socket.readyState <= 1) socket.close(1000)
    // react-vnc removes its listeners before closing, and its synthetic event carries an old key.
    handle?.disconnect()
    this.host?.replaceChildren()
  }

  /** How far the socket got: read when it closed (react-vnc tells us after noVNC has given up). */
  phase(): ConnectionPhase {
    const rfb = this.handle?.rfb as RfbInternals | null | undefined
    if (!rfb) return this.lastPhase
    if (rfb._rfbInitState === '' || rfb._rfbInitState === undefined) return 'unopened'
    return rfb._rfbInitState === 'ProtocolVersion' ? 'silent' : 'rfb'
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

  paste(text: string): void {
    this.handle?.clipboardPaste(text)
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
