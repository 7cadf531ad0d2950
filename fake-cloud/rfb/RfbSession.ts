import { ByteQueue } from './ByteQueue.ts'
import { ByteWriter } from './ByteWriter.ts'
import { DamageRegion } from './DamageRegion.ts'
import { encodeRaw } from './encodeRaw.ts'
import type { Framebuffer } from './Framebuffer.ts'
import { intersectRects } from './intersectRects.ts'
import { latin1Text } from './latin1Text.ts'
import { parseClientMessage } from './parseClientMessage.ts'
import { parseRfbVersion } from './parseRfbVersion.ts'
import { pixelFormatBytes } from './pixelFormatBytes.ts'
import { RFB_ENCODING } from './RFB_ENCODING.ts'
import type { RfbChannel } from './RfbChannel.ts'
import type { RfbClientMessage, RfbScreen } from './RfbClientMessage.ts'
import type { RfbClientMessageOf } from './RfbClientMessageOf.ts'
import type { RfbKey } from './RfbKey.ts'
import type { RfbPixelFormat } from './RfbPixelFormat.ts'
import type { RfbRect } from './RfbRect.ts'
import { runSoon } from './runSoon.ts'
import { serverPixelFormat } from './serverPixelFormat.ts'
import { TypedEmitter } from './TypedEmitter.ts'
import { vncAuthResponse } from './vncAuthResponse.ts'

const SECURITY_NONE = 1
const SECURITY_VNC_AUTH = 2
const SCREEN_ID = 0
// Extended clipboard flags (the format in the low bits, actions in the high byte).
const CLIPBOARD_TEXT = 1
const CLIPBOARD_CAPS = 1 << 24
const CLIPBOARD_REQUEST = 1 << 25
const CLIPBOARD_NOTIFY = 1 << 27
const CLIPBOARD_PROVIDE = 1 << 28

/** Settings a session reads from its host (see `RfbServerOptions` for their meaning). */
export interface RfbSessionSettings {
  password: string | undefined
  qemuKeys: boolean
  xvp: boolean
  extendedClipboard: boolean
  forceSecurityFailure: string | undefined
  maxUpdateRects: number
  logLimit: number
}

/** What a session needs from the server that owns the shared screen. */
export interface RfbSessionHost {
  readonly framebuffer: Framebuffer
  readonly desktopName: string
  readonly settings: RfbSessionSettings
  /** The session whose SetDesktopSize is being applied right now, if any. */
  readonly resizeInitiator: RfbSession | undefined
  /** Applies a client's SetDesktopSize; returns the RFB status (0 ok, 1 prohibited, 3 invalid). */
  requestResize(session: RfbSession, width: number, height: number, screens: RfbScreen[]): number
}

/** Where a connection came from, for tests that check the URL (and its token) a client used. */
export interface RfbSessionInfo {
  remoteAddress?: string
  url?: string
  protocol?: string
}

/** A FramebufferUpdate the server sent: its rects with their encodings (pseudo-encodings too). */
export interface RfbSentUpdate {
  rects: (RfbRect & { encoding: number })[]
  bytes: number
}

export type RfbSessionState =
  'version' | 'security' | 'vncAuth' | 'clientInit' | 'normal' | 'closed'

export type RfbSessionEvents = {
  message: [RfbClientMessage]
  key: [RfbKey]
  pointer: [{ buttonMask: number; x: number; y: number }]
  clientCutText: [string]
  xvp: ['shutdown' | 'reboot' | 'reset' | 'unknown']
  update: [RfbSentUpdate]
  ready: []
  securityFailure: [string]
  protocolError: [Error]
  close: []
}

interface ResizeNotice {
  reason: number
  status: number
  sizeChanged: boolean
}

type UpdateRequest = RfbRect

/**
 * One RFB 3.3/3.7/3.8 connection over any byte channel: handshake and authentication, an
 * incremental parser for client messages (which are logged and emitted), and framebuffer updates
 * that follow the RFB rule — one update per request, only what changed when the request is
 * incremental, never unrequested.
 */
export class RfbSession extends TypedEmitter<RfbSessionEvents> {
  /** Every parsed client message in arrival order (the oldest drop past `logLimit`). */
  readonly log: RfbClientMessage[] = []
  /** Key presses and releases normalised across KeyEvent and QEMU key events. */
  readonly keys: RfbKey[] = []
  /** FramebufferUpdates sent, newest last (same limit as `log`). */
  readonly updates: RfbSentUpdate[] = []
  readonly info: RfbSessionInfo

  #state: RfbSessionState = 'version'
  #version: '3.3' | '3.7' | '3.8' | undefined
  #shared = false
  #pixelFormat: RfbPixelFormat = serverPixelFormat
  #encodings: number[] = []
  #challenge: Uint8Array | undefined
  #request: UpdateRequest | undefined
  #flushScheduled = false
  #resizeNotices: ResizeNotice[] = []
  #announcedExtendedDesktopSize = false
  #qemuPending = false
  #qemuAnnounced = false
  #xvpAnnounced = false
  #clipboardAnnounced = false
  #namePending = false
  #waiters = new Set<() => void>()
  readonly #queue = new ByteQueue()
  readonly #damage: DamageRegion
  readonly #unsubscribe: (() => void)[] = []

  readonly channel: RfbChannel
  readonly host: RfbSessionHost

  constructor(channel: RfbChannel, host: RfbSessionHost, info: RfbSessionInfo = {}) {
    super()
    this.channel = channel
    this.host = host
    this.info = info
    this.#damage = new DamageRegion(host.settings.maxUpdateRects)
    this.#unsubscribe.push(
      host.framebuffer.onDamage((rect) => {
        this.#damage.add(rect)
        this.#scheduleFlush()
      }),
      host.framebuffer.onResize(() => {
        const initiator = host.resizeInitiator
        const reason = initiator === undefined ? 0 : initiator === this ? 1 : 2
        this.#damage.clear()
        this.#resizeNotices.push({ reason, status: 0, sizeChanged: true })
      }),
    )
    channel.onData((chunk) => this.#receive(chunk))
    channel.onClose(() => this.#closed())
    this.#write(new ByteWriter().latin1('RFB 003.008\n').finish())
  }

  get state(): RfbSessionState {
    return this.#state
  }

  /** The protocol version agreed with the client, once known. */
  get version(): '3.3' | '3.7' | '3.8' | undefined {
    return this.#version
  }

  get shared(): boolean {
    return this.#shared
  }

  get pixelFormat(): RfbPixelFormat {
    return this.#pixelFormat
  }

  get encodings(): readonly number[] {
    return this.#encodings
  }

  /** Whether the client now sends QEMU key events (it was told the server supports them). */
  get qemuKeysActive(): boolean {
    return this.#qemuAnnounced
  }

  /** Texts the client put on the clipboard (plain or decoded extended ClientCutText). */
  get clientCutTexts(): string[] {
    return this.log.flatMap((m) =>
      m.type === 'clientCutText' && m.text !== undefined ? [m.text] : [],
    )
  }

  /** Resolves once ServerInit went out; rejects if the connection ends first. */
  whenReady(timeoutMs = 5000): Promise<void> {
    return this.waitUntil(() => {
      if (this.#state === 'closed') throw new Error('RFB session closed before it was ready')
      return this.#state === 'normal'
    }, timeoutMs)
  }

  /**
   * Resolves when `check` returns true; it is re-evaluated after every client message, update and
   * state change. A throwing check rejects.
   */
  waitUntil(check: (session: this) => boolean, timeoutMs = 5000): Promise<void> {
    return new Promise((resolve, reject) => {
      const evaluate = () => {
        try {
          if (!check(this)) return false
          resolve()
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)))
        }
        return true
      }
      if (evaluate()) return
      const waiter = () => {
        if (!evaluate()) return
        clearTimeout(timer)
        this.#waiters.delete(waiter)
      }
      const timer = setTimeout(() => {
        this.#waiters.delete(waiter)
        reject(new Error(`RFB session: condition not met within ${timeoutMs} ms`))
      }, timeoutMs)
      this.#waiters.add(waiter)
    })
  }

  /** Sends ServerCutText (Latin-1; other characters become '?'). False before the session is ready. */
  sendCutText(text: string): boolean {
    if (this.#state !== 'normal') return false
    const bytes = new ByteWriter().latin1(text).finish()
    this.#write(new ByteWriter().u8(3).zeros(3).u32(bytes.length).bytes(bytes).finish())
    return true
  }

  bell(): boolean {
    if (this.#state !== 'normal') return false
    this.#write(Uint8Array.of(2))
    return true
  }

  /** Queues a DesktopName pseudo-rect for clients that understand it (called by the server). */
  notifyDesktopName(): void {
    this.#namePending = true
    this.#scheduleFlush()
  }

  close(): void {
    if (this.#state === 'closed') return
    this.channel.close()
    this.#closed()
  }

  #closed(): void {
    if (this.#state === 'closed') return
    this.#state = 'closed'
    for (const unsubscribe of this.#unsubscribe) unsubscribe()
    this.#notify()
    this.emit('close')
  }

  /** A method, not a field check, because handlers called in between may close the session. */
  #isOpen(): boolean {
    return this.#state !== 'closed'
  }

  #notify(): void {
    for (const waiter of [...this.#waiters]) waiter()
  }

  #write(data: Uint8Array): void {
    if (this.#state !== 'closed') this.channel.write(data)
  }

  #fail(error: Error): void {
    this.emit('protocolError', error)
    this.close()
  }

  #record(message: RfbClientMessage): void {
    this.log.push(message)
    if (this.log.length > this.host.settings.logLimit) this.log.shift()
    this.emit('message', message)
  }

  #receive(chunk: Uint8Array): void {
    if (this.#state === 'closed') return
    this.#queue.push(chunk)
    try {
      while (this.#isOpen() && this.#step()) {
        /* each step consumes one complete message */
      }
    } catch (error) {
      this.#fail(error instanceof Error ? error : new Error(String(error)))
    }
    this.#notify()
  }

  /** Handles one complete unit of input; false when more bytes are needed. */
  #step(): boolean {
    const q = this.#queue
    switch (this.#state) {
      case 'version':
        if (!q.has(12)) return false
        this.#onVersion(latin1Text(q.take(12)))
        return true
      case 'security':
        if (!q.has(1)) return false
        this.#onSecurityType(q.take(1)[0] ?? 0)
        return true
      case 'vncAuth':
        if (!q.has(16)) return false
        this.#onAuthResponse(q.take(16))
        return true
      case 'clientInit':
        if (!q.has(1)) return false
        this.#onClientInit(q.take(1)[0] !== 0)
        return true
      case 'normal':
        return this.#onMessage()
      case 'closed':
        return false
    }
  }

  #onVersion(text: string): void {
    this.#version = parseRfbVersion(text)
    const failure = this.host.settings.forceSecurityFailure
    const type = this.host.settings.password === undefined ? SECURITY_NONE : SECURITY_VNC_AUTH
    if (this.#version === '3.3') {
      if (failure !== undefined)
        return this.#refuse(new ByteWriter().u32(0).string(failure).finish(), failure)
      this.#write(new ByteWriter().u32(type).finish())
      return this.#startAuth(type)
    }
    if (failure !== undefined)
      return this.#refuse(new ByteWriter().u8(0).string(failure).finish(), failure)
    this.#write(Uint8Array.of(1, type))
    this.#state = 'security'
  }

  #onSecurityType(type: number): void {
    const offered = this.host.settings.password === undefined ? SECURITY_NONE : SECURITY_VNC_AUTH
    if (type !== offered) {
      const reason = `security type ${type} was not offered`
      return this.#refuse(this.#failedResult(reason), reason)
    }
    this.#startAuth(type)
  }

  #startAuth(type: number): void {
    if (type === SECURITY_VNC_AUTH) {
      this.#challenge = globalThis.crypto.getRandomValues(new Uint8Array(16))
      this.#write(this.#challenge)
      this.#state = 'vncAuth'
      return
    }
    // Only 3.8 sends a SecurityResult after None (RFC 6143 §7.2.1).
    if (this.#version === '3.8') this.#write(new ByteWriter().u32(0).finish())
    this.#state = 'clientInit'
  }

  #onAuthResponse(response: Uint8Array): void {
    const expected = vncAuthResponse(
      this.host.settings.password ?? '',
      this.#challenge ?? new Uint8Array(16),
    )
    if (expected.every((byte, i) => byte === response[i])) {
      this.#write(new ByteWriter().u32(0).finish())
      this.#state = 'clientInit'
      return
    }
    this.#refuse(this.#failedResult('Authentication failed'), 'Authentication failed')
  }

  /** SecurityResult "failed", with the reason string only 3.8 defines. */
  #failedResult(reason: string): Uint8Array {
    const result = new ByteWriter().u32(1)
    return (this.#version === '3.8' ? result.string(reason) : result).finish()
  }

  #refuse(bytes: Uint8Array, reason: string): void {
    this.#write(bytes)
    this.emit('securityFailure', reason)
    this.close()
  }

  #onClientInit(shared: boolean): void {
    this.#shared = shared
    this.#record({ type: 'clientInit', shared })
    const fb = this.host.framebuffer
    this.#write(
      new ByteWriter()
        .u16(fb.width)
        .u16(fb.height)
        .bytes(pixelFormatBytes(serverPixelFormat))
        .string(this.host.desktopName)
        .finish(),
    )
    this.#state = 'normal'
    this.emit('ready')
  }

  /** Parses and handles one client message if it is complete; false when more bytes are needed. */
  #onMessage(): boolean {
    const message = parseClientMessage(this.#queue)
    if (!message) return false
    // Listeners of 'message' have always seen the session with these encodings in place.
    if (message.type === 'setEncodings') this.#encodings = message.encodings
    this.#record(message)
    this.#handle(message)
    return true
  }

  /** What each client message does, once it is logged. */
  #handle(message: RfbClientMessage): void {
    switch (message.type) {
      case 'setPixelFormat':
        return this.#onPixelFormat(message.pixelFormat)
      case 'setEncodings':
        return this.#onEncodings()
      case 'framebufferUpdateRequest':
        return this.#onUpdateRequest(message)
      case 'key':
        return this.#onKey({ down: message.down, keysym: message.keysym, via: 'key' })
      case 'qemuKey': {
        const { down, keysym, scancode } = message
        return this.#onKey({ down, keysym, scancode, via: 'qemuKey' })
      }
      case 'pointer':
        this.emit('pointer', { buttonMask: message.buttonMask, x: message.x, y: message.y })
        return
      case 'clientCutText':
        if (
          message.extended &&
          message.flags & CLIPBOARD_NOTIFY &&
          message.flags & CLIPBOARD_TEXT
        ) {
          // The client has new text: ask for it (it answers with a Provide).
          this.#write(
            new ByteWriter()
              .u8(3)
              .zeros(3)
              .s32(-4)
              .u32(CLIPBOARD_REQUEST | CLIPBOARD_TEXT)
              .finish(),
          )
        }
        if (message.text !== undefined) this.emit('clientCutText', message.text)
        return
      case 'xvp':
        this.emit('xvp', message.op)
        return
      case 'setDesktopSize':
        return this.#onSetDesktopSize(message.width, message.height, message.screens)
      case 'clientInit':
      case 'enableContinuousUpdates':
      case 'fence':
        return // logged only
    }
  }

  #onPixelFormat(pixelFormat: RfbPixelFormat): void {
    if (!pixelFormat.trueColor) throw new Error('colour-map pixel formats are not supported')
    this.#pixelFormat = pixelFormat
  }

  #onKey(key: RfbKey): void {
    this.keys.push(key)
    if (this.keys.length > this.host.settings.logLimit) this.keys.shift()
    this.emit('key', key)
  }

  #supports(encoding: number): boolean {
    return this.#encodings.includes(encoding)
  }

  #onEncodings(): void {
    const settings = this.host.settings
    if (this.#supports(RFB_ENCODING.extendedDesktopSize) && !this.#announcedExtendedDesktopSize) {
      // Telling the client the current layout is what enables its SetDesktopSize (noVNC resizeSession).
      this.#announcedExtendedDesktopSize = true
      this.#resizeNotices.push({ reason: 0, status: 0, sizeChanged: false })
    }
    if (
      settings.qemuKeys &&
      this.#supports(RFB_ENCODING.qemuExtendedKeyEvent) &&
      !this.#qemuAnnounced
    )
      this.#qemuPending = true
    if (
      settings.extendedClipboard &&
      this.#supports(RFB_ENCODING.extendedClipboard) &&
      !this.#clipboardAnnounced
    ) {
      this.#clipboardAnnounced = true
      // Caps: text, with request, notify and provide; then the largest text taken (1 MiB).
      const flags = CLIPBOARD_CAPS | CLIPBOARD_REQUEST | CLIPBOARD_NOTIFY | CLIPBOARD_PROVIDE
      this.#write(
        new ByteWriter()
          .u8(3)
          .zeros(3)
          .s32(-8)
          .u32(flags | CLIPBOARD_TEXT)
          .u32(1 << 20)
          .finish(),
      )
    }
    if (settings.xvp && this.#supports(RFB_ENCODING.xvp) && !this.#xvpAnnounced) {
      this.#xvpAnnounced = true
      this.#write(Uint8Array.of(250, 0, 1, 1)) // XVP_INIT, version 1
    }
    this.#scheduleFlush()
  }

  #onUpdateRequest(request: RfbClientMessageOf<'framebufferUpdateRequest'>): void {
    const fb = this.host.framebuffer
    const { type: _type, incremental, ...rect } = request
    this.#request = rect
    if (!incremental) {
      const visible = intersectRects(rect, { x: 0, y: 0, width: fb.width, height: fb.height })
      if (visible) this.#damage.add(visible)
    }
    this.#scheduleFlush()
  }

  #onSetDesktopSize(width: number, height: number, screens: RfbScreen[]): void {
    const fb = this.host.framebuffer
    const before = { width: fb.width, height: fb.height }
    const status = this.host.requestResize(this, width, height, screens)
    const changed = fb.width !== before.width || fb.height !== before.height
    // A successful resize already queued its notice (reason 1) through the framebuffer; the spec
    // still wants an answer when nothing changed or the request failed.
    if (!changed) this.#resizeNotices.push({ reason: 1, status, sizeChanged: false })
    this.#scheduleFlush()
  }

  #scheduleFlush(): void {
    if (this.#flushScheduled || this.#state === 'closed') return
    this.#flushScheduled = true
    // Coalesce: a burst of drawing calls (or a SetEncodings + request in one chunk) makes one update.
    runSoon(() => {
      this.#flushScheduled = false
      this.#flush()
    })
  }

  #flush(): void {
    if (this.#state !== 'normal' || this.#request === undefined) return
    const fb = this.host.framebuffer
    const screen = { x: 0, y: 0, width: fb.width, height: fb.height }
    const body = new ByteWriter()
    const rects: RfbSentUpdate['rects'] = []
    const add = (rect: RfbRect, encoding: number, data?: Uint8Array) => {
      body.u16(rect.x).u16(rect.y).u16(rect.width).u16(rect.height).s32(encoding)
      if (data) body.bytes(data)
      rects.push({ ...rect, encoding })
    }

    const resized = this.#resizeNotices.some((n) => n.sizeChanged)
    for (const notice of this.#resizeNotices) {
      const size = { width: fb.width, height: fb.height }
      if (this.#supports(RFB_ENCODING.extendedDesktopSize)) {
        // One screen: count, padding, then id, position, size and flags.
        const layout = new ByteWriter()
          .u8(1)
          .zeros(3)
          .u32(SCREEN_ID)
          .u16(0)
          .u16(0)
          .u16(size.width)
          .u16(size.height)
          .u32(0)
        const rect = { x: notice.reason, y: notice.status, ...size }
        add(rect, RFB_ENCODING.extendedDesktopSize, layout.finish())
      } else if (notice.sizeChanged && this.#supports(RFB_ENCODING.desktopSize)) {
        add({ x: 0, y: 0, ...size }, RFB_ENCODING.desktopSize)
      }
    }
    this.#resizeNotices = []

    if (this.#namePending && this.#supports(RFB_ENCODING.desktopName)) {
      const name = new ByteWriter().string(this.host.desktopName).finish()
      add({ x: 0, y: 0, width: 0, height: 0 }, RFB_ENCODING.desktopName, name)
    }
    this.#namePending = false

    if (this.#qemuPending) {
      add({ x: 0, y: 0, width: 0, height: 0 }, RFB_ENCODING.qemuExtendedKeyEvent)
      this.#qemuPending = false
      this.#qemuAnnounced = true
    }

    // After a resize the client's old request no longer describes the screen: send all of it.
    const clip = resized ? screen : intersectRects(this.#request, screen)
    const dirty = clip ? this.#damage.take(clip) : []
    for (const rect of dirty) add(rect, RFB_ENCODING.raw, encodeRaw(fb, rect, this.#pixelFormat))

    if (rects.length === 0) return // nothing new: the request stays pending (RFB has no empty reply)
    this.#request = undefined
    const message = new ByteWriter().u8(0, 0).u16(rects.length).bytes(body.finish()).finish()
    this.#write(message)
    const update = { rects, bytes: message.length }
    this.updates.push(update)
    if (this.updates.length > this.host.settings.logLimit) this.updates.shift()
    this.emit('update', update)
    this.#notify()
  }
}
