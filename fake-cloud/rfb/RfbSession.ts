import { pixelFormatBytes } from './pixelFormatBytes.ts'
import { randomBytes } from 'node:crypto'
import { EventEmitter } from 'node:events'
import { constants as zlibConstants, inflateSync } from 'node:zlib'
import { ByteQueue } from './ByteQueue.ts'
import { DamageRegion } from './DamageRegion.ts'
import { encodeRaw } from './encodeRaw.ts'
import type { Framebuffer } from './Framebuffer.ts'
import type { RfbChannel } from './RfbChannel.ts'
import type { RfbClientMessage, RfbScreen } from './RfbClientMessage.ts'
import type { RfbKey } from './RfbKey.ts'
import type { RfbPixelFormat } from './RfbPixelFormat.ts'
import type { RfbRect } from './RfbRect.ts'
import { vncAuthResponse } from './vncAuthResponse.ts'

const ENCODING = {
  raw: 0,
  desktopSize: -223,
  qemuExtendedKeyEvent: -258,
  desktopName: -307,
  extendedDesktopSize: -308,
  xvp: -309,
} as const

const SECURITY_NONE = 1
const SECURITY_VNC_AUTH = 2
const XVP_OPS = { 2: 'shutdown', 3: 'reboot', 4: 'reset' } as const
const EXTENDED_CLIPBOARD_PROVIDE = 1 << 28
const SCREEN_ID = 0

/** What the server offers before SetPixelFormat: 32 bpp BGRX little-endian, as X servers do. */
const SERVER_PIXEL_FORMAT: RfbPixelFormat = {
  bitsPerPixel: 32,
  depth: 24,
  bigEndian: false,
  trueColor: true,
  redMax: 255,
  greenMax: 255,
  blueMax: 255,
  redShift: 16,
  greenShift: 8,
  blueShift: 0,
}

/** Settings a session reads from its host (see `RfbServerOptions` for their meaning). */
export interface RfbSessionSettings {
  password: string | undefined
  qemuKeys: boolean
  xvp: boolean
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

function u32(value: number): Buffer {
  const b = Buffer.alloc(4)
  b.writeUInt32BE(value >>> 0)
  return b
}

function reasonString(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8')
  return Buffer.concat([u32(bytes.length), bytes])
}

function rectHeader(rect: RfbRect, encoding: number): Buffer {
  const b = Buffer.alloc(12)
  b.writeUInt16BE(rect.x, 0)
  b.writeUInt16BE(rect.y, 2)
  b.writeUInt16BE(rect.width, 4)
  b.writeUInt16BE(rect.height, 6)
  b.writeInt32BE(encoding, 8)
  return b
}

function latin1(text: string): Buffer {
  return Buffer.from(
    Array.from(text, (char) => {
      const code = char.codePointAt(0) ?? 0x3f
      return code > 0xff ? 0x3f : code
    }),
  )
}

function intersect(a: RfbRect, b: RfbRect): RfbRect | undefined {
  const x = Math.max(a.x, b.x)
  const y = Math.max(a.y, b.y)
  const right = Math.min(a.x + a.width, b.x + b.width)
  const bottom = Math.min(a.y + a.height, b.y + b.height)
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : undefined
}

/**
 * One RFB 3.3/3.7/3.8 connection over any byte channel: handshake and authentication, an
 * incremental parser for client messages (which are logged and emitted), and framebuffer updates
 * that follow the RFB rule — one update per request, only what changed when the request is
 * incremental, never unrequested.
 */
export class RfbSession extends EventEmitter<RfbSessionEvents> {
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
  #pixelFormat: RfbPixelFormat = SERVER_PIXEL_FORMAT
  #encodings: number[] = []
  #challenge: Uint8Array | undefined
  #request: UpdateRequest | undefined
  #flushScheduled = false
  #resizeNotices: ResizeNotice[] = []
  #announcedExtendedDesktopSize = false
  #qemuPending = false
  #qemuAnnounced = false
  #xvpAnnounced = false
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
    this.#write(Buffer.from('RFB 003.008\n', 'latin1'))
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
    const bytes = latin1(text)
    this.#write(Buffer.concat([Buffer.from([3, 0, 0, 0]), u32(bytes.length), bytes]))
    return true
  }

  bell(): boolean {
    if (this.#state !== 'normal') return false
    this.#write(Buffer.from([2]))
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
        this.#onVersion(Buffer.from(q.take(12)).toString('latin1'))
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
        return q.has(1) && this.#onMessage()
      case 'closed':
        return false
    }
  }

  #onVersion(text: string): void {
    const match = /^RFB (\d{3})\.(\d{3})\n$/.exec(text)
    if (!match || Number(match[1]) !== 3)
      throw new Error(`unsupported RFB version ${JSON.stringify(text)}`)
    const minor = Number(match[2])
    // RFC 6143 §7.1.1: unknown minors below 7 must be treated as 3.3; above 8 we speak 3.8.
    this.#version = minor >= 8 ? '3.8' : minor === 7 ? '3.7' : '3.3'
    const failure = this.host.settings.forceSecurityFailure
    const type = this.host.settings.password === undefined ? SECURITY_NONE : SECURITY_VNC_AUTH
    if (this.#version === '3.3') {
      if (failure !== undefined)
        return this.#refuse(Buffer.concat([u32(0), reasonString(failure)]), failure)
      this.#write(u32(type))
      return this.#startAuth(type)
    }
    if (failure !== undefined)
      return this.#refuse(Buffer.concat([Buffer.from([0]), reasonString(failure)]), failure)
    this.#write(Buffer.from([1, type]))
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
      this.#challenge = randomBytes(16)
      this.#write(this.#challenge)
      this.#state = 'vncAuth'
      return
    }
    // Only 3.8 sends a SecurityResult after None (RFC 6143 §7.2.1).
    if (this.#version === '3.8') this.#write(u32(0))
    this.#state = 'clientInit'
  }

  #onAuthResponse(response: Uint8Array): void {
    const expected = vncAuthResponse(
      this.host.settings.password ?? '',
      this.#challenge ?? new Uint8Array(16),
    )
    if (Buffer.from(expected).equals(Buffer.from(response))) {
      this.#write(u32(0))
      this.#state = 'clientInit'
      return
    }
    this.#refuse(this.#failedResult('Authentication failed'), 'Authentication failed')
  }

  /** SecurityResult "failed", with the reason string only 3.8 defines. */
  #failedResult(reason: string): Buffer {
    return this.#version === '3.8' ? Buffer.concat([u32(1), reasonString(reason)]) : u32(1)
  }

  #refuse(bytes: Buffer, reason: string): void {
    this.#write(bytes)
    this.emit('securityFailure', reason)
    this.close()
  }

  #onClientInit(shared: boolean): void {
    this.#shared = shared
    this.#record({ type: 'clientInit', shared })
    const fb = this.host.framebuffer
    const name = Buffer.from(this.host.desktopName, 'utf8')
    const head = Buffer.alloc(4)
    head.writeUInt16BE(fb.width, 0)
    head.writeUInt16BE(fb.height, 2)
    this.#write(
      Buffer.concat([head, pixelFormatBytes(SERVER_PIXEL_FORMAT), u32(name.length), name]),
    )
    this.#state = 'normal'
    this.emit('ready')
  }

  /** Parses one client message if complete (RFC 6143 §7.5 plus the extensions noVNC uses). */
  #onMessage(): boolean {
    const q = this.#queue
    const type = q.u8()
    switch (type) {
      case 0: {
        if (!q.has(20)) return false
        const m = q.take(20)
        const bitsPerPixel = m[4] ?? 0
        if (bitsPerPixel !== 8 && bitsPerPixel !== 16 && bitsPerPixel !== 32)
          throw new Error(`unsupported bits per pixel ${bitsPerPixel}`)
        const view = Buffer.from(m)
        const pixelFormat: RfbPixelFormat = {
          bitsPerPixel,
          depth: view.readUInt8(5),
          bigEndian: view.readUInt8(6) !== 0,
          trueColor: view.readUInt8(7) !== 0,
          redMax: view.readUInt16BE(8),
          greenMax: view.readUInt16BE(10),
          blueMax: view.readUInt16BE(12),
          redShift: view.readUInt8(14),
          greenShift: view.readUInt8(15),
          blueShift: view.readUInt8(16),
        }
        this.#record({ type: 'setPixelFormat', pixelFormat })
        if (!pixelFormat.trueColor) throw new Error('colour-map pixel formats are not supported')
        this.#pixelFormat = pixelFormat
        return true
      }
      case 2: {
        if (!q.has(4)) return false
        const count = q.u16(2)
        if (!q.has(4 + count * 4)) return false
        q.skip(4)
        const encodings: number[] = []
        for (let i = 0; i < count; i++) encodings.push(q.s32(i * 4))
        q.skip(count * 4)
        this.#encodings = encodings
        this.#record({ type: 'setEncodings', encodings })
        this.#onEncodings()
        return true
      }
      case 3: {
        if (!q.has(10)) return false
        const incremental = q.u8(1) !== 0
        const rect = { x: q.u16(2), y: q.u16(4), width: q.u16(6), height: q.u16(8) }
        q.skip(10)
        this.#record({ type: 'framebufferUpdateRequest', incremental, ...rect })
        this.#onUpdateRequest(incremental, rect)
        return true
      }
      case 4: {
        if (!q.has(8)) return false
        const down = q.u8(1) !== 0
        const keysym = q.u32(4)
        q.skip(8)
        this.#record({ type: 'key', down, keysym })
        this.#onKey({ down, keysym, via: 'key' })
        return true
      }
      case 5: {
        if (!q.has(6)) return false
        const event = { buttonMask: q.u8(1), x: q.u16(2), y: q.u16(4) }
        q.skip(6)
        this.#record({ type: 'pointer', ...event })
        this.emit('pointer', event)
        return true
      }
      case 6: {
        if (!q.has(8)) return false
        const length = q.s32(4)
        const size = Math.abs(length)
        if (!q.has(8 + size)) return false
        q.skip(8)
        const data = Buffer.from(q.take(size))
        if (length >= 0) {
          const text = data.toString('latin1')
          this.#record({ type: 'clientCutText', extended: false, text })
          this.emit('clientCutText', text)
        } else {
          this.#onExtendedClipboard(data)
        }
        return true
      }
      case 150: {
        if (!q.has(10)) return false
        const m = {
          enable: q.u8(1) !== 0,
          x: q.u16(2),
          y: q.u16(4),
          width: q.u16(6),
          height: q.u16(8),
        }
        q.skip(10)
        this.#record({ type: 'enableContinuousUpdates', ...m })
        return true
      }
      case 248: {
        if (!q.has(9)) return false
        const length = q.u8(8)
        if (!q.has(9 + length)) return false
        const flags = q.u32(4)
        q.skip(9)
        this.#record({ type: 'fence', flags, payload: q.take(length) })
        return true
      }
      case 250: {
        if (!q.has(4)) return false
        const version = q.u8(2)
        const code = q.u8(3)
        q.skip(4)
        const op = code === 2 || code === 3 || code === 4 ? XVP_OPS[code] : 'unknown'
        this.#record({ type: 'xvp', version, op, code })
        this.emit('xvp', op)
        return true
      }
      case 251: {
        if (!q.has(8)) return false
        const count = q.u8(6)
        if (!q.has(8 + count * 16)) return false
        const width = q.u16(2)
        const height = q.u16(4)
        q.skip(8)
        const screens: RfbScreen[] = []
        for (let i = 0; i < count; i++) {
          const at = i * 16
          screens.push({
            id: q.u32(at),
            x: q.u16(at + 4),
            y: q.u16(at + 6),
            width: q.u16(at + 8),
            height: q.u16(at + 10),
            flags: q.u32(at + 12),
          })
        }
        q.skip(count * 16)
        this.#record({ type: 'setDesktopSize', width, height, screens })
        this.#onSetDesktopSize(width, height, screens)
        return true
      }
      case 255: {
        if (!q.has(2)) return false
        const subtype = q.u8(1)
        if (subtype !== 0) throw new Error(`unsupported QEMU client message subtype ${subtype}`)
        if (!q.has(12)) return false
        const down = q.u16(2) !== 0
        const keysym = q.u32(4)
        const scancode = q.u32(8)
        q.skip(12)
        this.#record({ type: 'qemuKey', down, keysym, scancode })
        this.#onKey({ down, keysym, scancode, via: 'qemuKey' })
        return true
      }
      default:
        throw new Error(`unknown client message type ${type}`)
    }
  }

  #onKey(key: RfbKey): void {
    this.keys.push(key)
    if (this.keys.length > this.host.settings.logLimit) this.keys.shift()
    this.emit('key', key)
  }

  /** Decodes noVNC's extended-clipboard Provide (zlib: u32 size + UTF-8 text with NUL). */
  #onExtendedClipboard(data: Buffer): void {
    const flags = data.length >= 4 ? data.readUInt32BE(0) : 0
    let text: string | undefined
    if (flags & EXTENDED_CLIPBOARD_PROVIDE && flags & 1) {
      try {
        // noVNC flushes but never finishes the deflate stream.
        const plain = inflateSync(data.subarray(4), { finishFlush: zlibConstants.Z_SYNC_FLUSH })
        const size = plain.readUInt32BE(0)
        text = plain
          .subarray(4, 4 + size)
          .toString('utf8')
          .replace(/\0$/, '')
          .replace(/\r\n/g, '\n')
      } catch {
        text = undefined
      }
    }
    this.#record(
      text === undefined
        ? { type: 'clientCutText', extended: true, flags }
        : { type: 'clientCutText', extended: true, flags, text },
    )
    if (text !== undefined) this.emit('clientCutText', text)
  }

  #supports(encoding: number): boolean {
    return this.#encodings.includes(encoding)
  }

  #onEncodings(): void {
    const settings = this.host.settings
    if (this.#supports(ENCODING.extendedDesktopSize) && !this.#announcedExtendedDesktopSize) {
      // Telling the client the current layout is what enables its SetDesktopSize (noVNC resizeSession).
      this.#announcedExtendedDesktopSize = true
      this.#resizeNotices.push({ reason: 0, status: 0, sizeChanged: false })
    }
    if (settings.qemuKeys && this.#supports(ENCODING.qemuExtendedKeyEvent) && !this.#qemuAnnounced)
      this.#qemuPending = true
    if (settings.xvp && this.#supports(ENCODING.xvp) && !this.#xvpAnnounced) {
      this.#xvpAnnounced = true
      this.#write(Buffer.from([250, 0, 1, 1])) // XVP_INIT, version 1
    }
    this.#scheduleFlush()
  }

  #onUpdateRequest(incremental: boolean, rect: RfbRect): void {
    const fb = this.host.framebuffer
    this.#request = rect
    if (!incremental) {
      const visible = intersect(rect, { x: 0, y: 0, width: fb.width, height: fb.height })
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
    setImmediate(() => {
      this.#flushScheduled = false
      this.#flush()
    })
  }

  #flush(): void {
    if (this.#state !== 'normal' || this.#request === undefined) return
    const fb = this.host.framebuffer
    const screen = { x: 0, y: 0, width: fb.width, height: fb.height }
    const parts: Buffer[] = []
    const rects: RfbSentUpdate['rects'] = []
    const add = (rect: RfbRect, encoding: number, body?: Uint8Array) => {
      parts.push(rectHeader(rect, encoding))
      if (body) parts.push(Buffer.from(body.buffer, body.byteOffset, body.byteLength))
      rects.push({ ...rect, encoding })
    }

    const resized = this.#resizeNotices.some((n) => n.sizeChanged)
    for (const notice of this.#resizeNotices) {
      const size = { width: fb.width, height: fb.height }
      if (this.#supports(ENCODING.extendedDesktopSize)) {
        const body = Buffer.alloc(20)
        body.writeUInt8(1, 0) // one screen
        body.writeUInt32BE(SCREEN_ID, 4)
        body.writeUInt16BE(size.width, 12)
        body.writeUInt16BE(size.height, 14)
        add({ x: notice.reason, y: notice.status, ...size }, ENCODING.extendedDesktopSize, body)
      } else if (notice.sizeChanged && this.#supports(ENCODING.desktopSize)) {
        add({ x: 0, y: 0, ...size }, ENCODING.desktopSize)
      }
    }
    this.#resizeNotices = []

    if (this.#namePending && this.#supports(ENCODING.desktopName)) {
      const name = Buffer.from(this.host.desktopName, 'utf8')
      add(
        { x: 0, y: 0, width: 0, height: 0 },
        ENCODING.desktopName,
        Buffer.concat([u32(name.length), name]),
      )
    }
    this.#namePending = false

    if (this.#qemuPending) {
      add({ x: 0, y: 0, width: 0, height: 0 }, ENCODING.qemuExtendedKeyEvent)
      this.#qemuPending = false
      this.#qemuAnnounced = true
    }

    // After a resize the client's old request no longer describes the screen: send all of it.
    const clip = resized ? screen : intersect(this.#request, screen)
    const dirty = clip ? this.#damage.take(clip) : []
    for (const rect of dirty) add(rect, ENCODING.raw, encodeRaw(fb, rect, this.#pixelFormat))

    if (rects.length === 0) return // nothing new: the request stays pending (RFB has no empty reply)
    this.#request = undefined
    const header = Buffer.alloc(4)
    header.writeUInt8(0, 0)
    header.writeUInt16BE(rects.length, 2)
    const message = Buffer.concat([header, ...parts])
    this.#write(message)
    const update = { rects, bytes: message.length }
    this.updates.push(update)
    if (this.updates.length > this.host.settings.logLimit) this.updates.shift()
    this.emit('update', update)
    this.#notify()
  }
}
