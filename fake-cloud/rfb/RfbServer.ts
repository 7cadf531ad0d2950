import { Framebuffer } from './Framebuffer.ts'
import { LivingScene } from './LivingScene.ts'
import type { RfbChannel } from './RfbChannel.ts'
import type { RfbClientMessage, RfbScreen } from './RfbClientMessage.ts'
import type { RfbKey } from './RfbKey.ts'
import type { RfbSessionHost, RfbSessionInfo, RfbSessionSettings } from './RfbSession.ts'
import { RfbSession } from './RfbSession.ts'
import { TypedEmitter } from './TypedEmitter.ts'

export interface RfbServerOptions {
  /** Initial framebuffer size (default 800x600). */
  width?: number
  height?: number
  /** Sent in ServerInit and drawn in the scene's title bar (default 'Fake VM'). */
  desktopName?: string
  /** Offer VNC Authentication with this password instead of security type None. */
  password?: string
  /** Announce QEMU Extended Key Events to clients that list them, so noVNC sends scancodes. */
  qemuKeys?: boolean
  /** Send XVP_INIT to clients that list XVP, so noVNC offers shutdown/reboot/reset. */
  xvp?: boolean
  /**
   * Offer the extended clipboard (UTF-8 text, as TigerVNC does) to clients that list it, and ask
   * for the text of every Notify, so a client's clipboard arrives as a decoded Provide.
   */
  extendedClipboard?: boolean
  /** Refuse every connection during the handshake, with this reason (true: a default reason). */
  forceSecurityFailure?: boolean | string
  /** Show this text instead of the ticking clock (true: '12:34:56'), for deterministic pixels. */
  frozenClock?: boolean | string
  /** Draw the interactive scene (default true); false leaves a black screen for tests to paint. */
  scene?: boolean
  /** Accept SetDesktopSize (default true); false answers "administratively prohibited". */
  allowResize?: boolean
  /** Largest size SetDesktopSize may ask for (default 4096x4096). */
  maxWidth?: number
  maxHeight?: number
  /** Rects per region before they merge into their bounding box (default 32). */
  maxUpdateRects?: number
  /** Entries kept per session in `log`, `keys` and `updates` (default 10000). */
  logLimit?: number
}

export type RfbPowerAction = 'shutdown' | 'reboot' | 'reset' | 'unknown'

export type RfbServerEvents = {
  session: [RfbSession]
  message: [RfbClientMessage, RfbSession]
  key: [RfbKey, RfbSession]
  pointer: [{ buttonMask: number; x: number; y: number }, RfbSession]
  clientCutText: [string, RfbSession]
  xvp: [RfbPowerAction, RfbSession]
  resize: [number, number]
  desktopName: [string]
  close: []
}

/**
 * One fake VM: a shared framebuffer (with the living scene drawn on it unless disabled) and the RFB
 * sessions attached to it over any channel. Events from every session are re-emitted here with the
 * session as last argument.
 */
export class RfbServer extends TypedEmitter<RfbServerEvents> implements RfbSessionHost {
  readonly framebuffer: Framebuffer
  readonly settings: RfbSessionSettings
  readonly scene: LivingScene | undefined
  /** XVP power requests from all clients, oldest first. */
  readonly powerActions: RfbPowerAction[] = []

  #desktopName: string
  #resizeInitiator: RfbSession | undefined
  #closed = false
  readonly #sessions = new Set<RfbSession>()
  readonly #allowResize: boolean
  readonly #maxWidth: number
  readonly #maxHeight: number

  constructor(options: RfbServerOptions = {}) {
    super()
    this.framebuffer = new Framebuffer(options.width ?? 800, options.height ?? 600)
    this.#desktopName = options.desktopName ?? 'Fake VM'
    const failure = options.forceSecurityFailure
    this.settings = {
      password: options.password,
      qemuKeys: options.qemuKeys ?? false,
      xvp: options.xvp ?? false,
      extendedClipboard: options.extendedClipboard ?? false,
      forceSecurityFailure:
        failure === true ? 'Security failure forced by the fake server' : failure || undefined,
      maxUpdateRects: options.maxUpdateRects ?? 32,
      logLimit: options.logLimit ?? 10_000,
    }
    this.#allowResize = options.allowResize ?? true
    this.#maxWidth = options.maxWidth ?? 4096
    this.#maxHeight = options.maxHeight ?? 4096
    this.scene =
      options.scene === false
        ? undefined
        : new LivingScene(this, { frozenClock: options.frozenClock })
  }

  get desktopName(): string {
    return this.#desktopName
  }

  get resizeInitiator(): RfbSession | undefined {
    return this.#resizeInitiator
  }

  /** Sessions whose connection is still open, oldest first. */
  get sessions(): RfbSession[] {
    return [...this.#sessions]
  }

  /** Starts an RFB session on `channel` (the server speaks first, so this sends the version). */
  attach(channel: RfbChannel, info: RfbSessionInfo = {}): RfbSession {
    if (this.#closed) {
      channel.close()
      throw new Error('RfbServer is closed')
    }
    const session = new RfbSession(channel, this, info)
    this.#sessions.add(session)
    session.on('message', (message) => this.emit('message', message, session))
    session.on('key', (key) => this.emit('key', key, session))
    session.on('pointer', (event) => this.emit('pointer', event, session))
    session.on('clientCutText', (text) => this.emit('clientCutText', text, session))
    session.on('xvp', (action) => {
      this.powerActions.push(action)
      this.emit('xvp', action, session)
    })
    session.on('close', () => this.#sessions.delete(session))
    this.emit('session', session)
    return session
  }

  /** The next session to attach (connect the client after calling this). */
  nextSession(timeoutMs = 5000): Promise<RfbSession> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off('session', onSession)
        reject(new Error(`no RFB connection within ${timeoutMs} ms`))
      }, timeoutMs)
      const onSession = (session: RfbSession) => {
        clearTimeout(timer)
        resolve(session)
      }
      this.once('session', onSession)
    })
  }

  requestResize(session: RfbSession, width: number, height: number, screens: RfbScreen[]): number {
    if (!this.#allowResize) return 1
    if (
      screens.length === 0 ||
      width < 1 ||
      height < 1 ||
      width > this.#maxWidth ||
      height > this.#maxHeight
    )
      return 3
    this.#resizeInitiator = session
    try {
      this.resize(width, height)
    } finally {
      this.#resizeInitiator = undefined
    }
    return 0
  }

  /** Resizes the screen; each client hears of it with its next update (DesktopSize/ExtendedDesktopSize). */
  resize(width: number, height: number): void {
    if (width === this.framebuffer.width && height === this.framebuffer.height) return
    this.framebuffer.resize(width, height)
    this.emit('resize', width, height)
  }

  /**
   * Changes the password asked of sessions that have not yet reached the security step (undefined:
   * security type None). Sessions already past it keep what they agreed to, as a real VM would.
   */
  setPassword(password: string | undefined): void {
    this.settings.password = password
  }

  setDesktopName(name: string): void {
    this.#desktopName = name
    for (const session of this.#sessions) session.notifyDesktopName()
    this.emit('desktopName', name)
  }

  /** ServerCutText to every ready session; returns how many got it. */
  sendCutText(text: string): number {
    return this.sessions.filter((session) => session.sendCutText(text)).length
  }

  /** Bell to every ready session; returns how many got it. */
  bell(): number {
    return this.sessions.filter((session) => session.bell()).length
  }

  /** Closes every session and stops the scene's clock. */
  close(): void {
    this.#closed = true
    for (const session of this.#sessions) session.close()
    this.scene?.stop()
    this.emit('close')
  }
}
