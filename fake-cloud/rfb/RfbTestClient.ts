import { parsePixelFormat } from './parsePixelFormat.ts'
import { pixelFormatBytes } from './pixelFormatBytes.ts'
import { connect } from 'node:net'
import type { Socket } from 'node:net'
import { WebSocket } from 'ws'
import type { RfbScreen } from './RfbClientMessage.ts'
import type { RfbPixelFormat } from './RfbPixelFormat.ts'
import type { RfbRect } from './RfbRect.ts'
import { RfbHandshakeError } from './RfbHandshakeError.ts'
import { vncAuthResponse } from './vncAuthResponse.ts'

/** A rect of a FramebufferUpdate as the test client decoded it. */
export interface RfbTestRect extends RfbRect {
  encoding: number
  /** Raw (0): the pixel bytes in the client's pixel format. */
  data?: Uint8Array
  /** ExtendedDesktopSize (-308): the layout. */
  screens?: RfbScreen[]
  /** DesktopName (-307). */
  name?: string
}

export type RfbServerMessage =
  | { type: 'update'; rects: RfbTestRect[] }
  | { type: 'bell' }
  | { type: 'cutText'; text: string }
  | { type: 'xvp'; version: number; code: number }

export interface RfbServerInit {
  version: string
  width: number
  height: number
  pixelFormat: RfbPixelFormat
  name: string
  securityTypes: number[]
}

interface Transport {
  write(data: Uint8Array): void
  close(): void
}

/**
 * A deliberately small RFB client for tests: it speaks the wire format byte by byte so tests see
 * exactly what a server sends, over TCP or a WebSocket.
 */
export class RfbTestClient {
  #buffer = Buffer.alloc(0)
  #wake: (() => void) | undefined
  #closed = false
  #bitsPerPixel = 32
  readonly closed: Promise<void>
  #resolveClosed!: () => void

  readonly transport: Transport

  private constructor(transport: Transport) {
    this.transport = transport
    this.closed = new Promise((resolve) => (this.#resolveClosed = resolve))
  }

  static connectTcp(port: number, host = '127.0.0.1'): Promise<RfbTestClient> {
    return new Promise((resolve, reject) => {
      const socket: Socket = connect(port, host)
      const client = new RfbTestClient({
        write: (data) => socket.write(data),
        close: () => socket.destroy(),
      })
      socket.on('data', (chunk) => client.#push(chunk))
      socket.on('close', () => client.#end())
      socket.once('error', reject)
      socket.once('connect', () => resolve(client))
    })
  }

  static connectWebSocket(url: string, protocols: string[] = ['binary']): Promise<RfbTestClient> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, protocols)
      socket.binaryType = 'nodebuffer'
      const client = new RfbTestClient({
        write: (data) => socket.send(data),
        close: () => socket.terminate(),
      })
      socket.on('message', (data) =>
        client.#push(Buffer.isBuffer(data) ? data : Buffer.from(data as ArrayBuffer)),
      )
      socket.on('close', () => client.#end())
      socket.once('error', reject)
      socket.once('open', () => resolve(client))
    })
  }

  get isClosed(): boolean {
    return this.#closed
  }

  #push(chunk: Buffer): void {
    this.#buffer = Buffer.concat([this.#buffer, chunk])
    this.#wake?.()
  }

  #end(): void {
    this.#closed = true
    this.#resolveClosed()
    this.#wake?.()
  }

  /** Resolves with exactly `count` bytes. */
  async read(count: number, timeoutMs = 3000): Promise<Buffer> {
    const deadline = Date.now() + timeoutMs
    while (this.#buffer.length < count) {
      if (this.#closed) throw new Error(`connection closed while waiting for ${count} bytes`)
      const left = deadline - Date.now()
      if (left <= 0)
        throw new Error(`timed out waiting for ${count} bytes (have ${this.#buffer.length})`)
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left)
        this.#wake = () => {
          clearTimeout(timer)
          resolve()
        }
      })
      this.#wake = undefined
    }
    const bytes = this.#buffer.subarray(0, count)
    this.#buffer = this.#buffer.subarray(count)
    return bytes
  }

  /** Bytes received but not read yet. */
  get pending(): number {
    return this.#buffer.length
  }

  write(data: Uint8Array | number[]): void {
    this.transport.write(data instanceof Uint8Array ? data : Uint8Array.from(data))
  }

  close(): void {
    this.transport.close()
  }

  /** Version, security, ClientInit and ServerInit; rejects with RfbHandshakeError when refused. */
  async handshake(
    options: { version?: '3.3' | '3.7' | '3.8'; password?: string; shared?: boolean } = {},
  ): Promise<RfbServerInit> {
    const version = options.version ?? '3.8'
    const serverVersion = (await this.read(12)).toString('latin1')
    this.write(Buffer.from(`RFB 003.00${version.slice(2)}\n`, 'latin1'))
    let securityTypes: number[]
    let type: number
    if (version === '3.3') {
      type = (await this.read(4)).readUInt32BE(0)
      if (type === 0) throw new RfbHandshakeError(await this.#readString())
      securityTypes = [type]
    } else {
      const count = (await this.read(1))[0] ?? 0
      if (count === 0) throw new RfbHandshakeError(await this.#readString())
      securityTypes = [...(await this.read(count))]
      type = securityTypes[0] ?? 0
      this.write([type])
    }
    if (type === 2) {
      const challenge = await this.read(16)
      this.write(vncAuthResponse(options.password ?? '', challenge))
    }
    if (type === 2 || version === '3.8') {
      const result = (await this.read(4)).readUInt32BE(0)
      if (result !== 0)
        throw new RfbHandshakeError(version === '3.8' ? await this.#readString() : undefined)
    }
    this.write([options.shared === false ? 0 : 1])
    const init = await this.read(24)
    const pixelFormat = parsePixelFormat(init.subarray(4, 20))
    this.#bitsPerPixel = pixelFormat.bitsPerPixel
    const name = (await this.read(init.readUInt32BE(20))).toString('utf8')
    return {
      version: serverVersion,
      width: init.readUInt16BE(0),
      height: init.readUInt16BE(2),
      pixelFormat,
      name,
      securityTypes,
    }
  }

  async #readString(): Promise<string> {
    const length = (await this.read(4)).readUInt32BE(0)
    return (await this.read(length)).toString('utf8')
  }

  setPixelFormat(pf: RfbPixelFormat): void {
    this.#bitsPerPixel = pf.bitsPerPixel
    // SetPixelFormat: type 0, three bytes of padding, then the format.
    this.write(Buffer.concat([Buffer.alloc(4), pixelFormatBytes(pf)]))
  }

  static setEncodingsBytes(encodings: number[]): Buffer {
    const b = Buffer.alloc(4 + encodings.length * 4)
    b.writeUInt8(2, 0)
    b.writeUInt16BE(encodings.length, 2)
    encodings.forEach((e, i) => b.writeInt32BE(e, 4 + i * 4))
    return b
  }

  setEncodings(encodings: number[]): void {
    this.write(RfbTestClient.setEncodingsBytes(encodings))
  }

  static updateRequestBytes(incremental: boolean, rect: RfbRect): Buffer {
    const b = Buffer.alloc(10)
    b.writeUInt8(3, 0)
    b.writeUInt8(incremental ? 1 : 0, 1)
    b.writeUInt16BE(rect.x, 2)
    b.writeUInt16BE(rect.y, 4)
    b.writeUInt16BE(rect.width, 6)
    b.writeUInt16BE(rect.height, 8)
    return b
  }

  requestUpdate(incremental: boolean, rect: RfbRect): void {
    this.write(RfbTestClient.updateRequestBytes(incremental, rect))
  }

  static keyBytes(down: boolean, keysym: number): Buffer {
    const b = Buffer.alloc(8)
    b.writeUInt8(4, 0)
    b.writeUInt8(down ? 1 : 0, 1)
    b.writeUInt32BE(keysym, 4)
    return b
  }

  key(down: boolean, keysym: number): void {
    this.write(RfbTestClient.keyBytes(down, keysym))
  }

  qemuKey(down: boolean, keysym: number, scancode: number): void {
    const b = Buffer.alloc(12)
    b.writeUInt8(255, 0)
    b.writeUInt8(0, 1)
    b.writeUInt16BE(down ? 1 : 0, 2)
    b.writeUInt32BE(keysym, 4)
    b.writeUInt32BE(scancode, 8)
    this.write(b)
  }

  pointer(buttonMask: number, x: number, y: number): void {
    const b = Buffer.alloc(6)
    b.writeUInt8(5, 0)
    b.writeUInt8(buttonMask, 1)
    b.writeUInt16BE(x, 2)
    b.writeUInt16BE(y, 4)
    this.write(b)
  }

  /** Plain ClientCutText (Latin-1). */
  cutText(text: string): void {
    const body = Buffer.from(text, 'latin1')
    const head = Buffer.alloc(8)
    head.writeUInt8(6, 0)
    head.writeUInt32BE(body.length, 4)
    this.write(Buffer.concat([head, body]))
  }

  setDesktopSize(width: number, height: number, screenId = 0, flags = 0): void {
    const b = Buffer.alloc(24)
    b.writeUInt8(251, 0)
    b.writeUInt16BE(width, 2)
    b.writeUInt16BE(height, 4)
    b.writeUInt8(1, 6)
    b.writeUInt32BE(screenId, 8)
    b.writeUInt16BE(width, 16)
    b.writeUInt16BE(height, 18)
    b.writeUInt32BE(flags, 20)
    this.write(b)
  }

  /** XVP operation: 2 shutdown, 3 reboot, 4 reset. */
  xvp(code: number, version = 1): void {
    this.write([250, 0, version, code])
  }

  /** Reads and decodes the next server message (Raw, ExtendedDesktopSize, DesktopName rects). */
  async readMessage(timeoutMs = 3000): Promise<RfbServerMessage> {
    const type = (await this.read(1, timeoutMs))[0]
    switch (type) {
      case 0: {
        const count = (await this.read(3)).readUInt16BE(1)
        const rects: RfbTestRect[] = []
        for (let i = 0; i < count; i++) {
          const h = await this.read(12)
          const rect: RfbTestRect = {
            x: h.readUInt16BE(0),
            y: h.readUInt16BE(2),
            width: h.readUInt16BE(4),
            height: h.readUInt16BE(6),
            encoding: h.readInt32BE(8),
          }
          if (rect.encoding === 0) {
            rect.data = await this.read((rect.width * rect.height * this.#bitsPerPixel) / 8)
          } else if (rect.encoding === -308) {
            const n = (await this.read(4))[0] ?? 0
            const screens: RfbScreen[] = []
            for (let s = 0; s < n; s++) {
              const b = await this.read(16)
              screens.push({
                id: b.readUInt32BE(0),
                x: b.readUInt16BE(4),
                y: b.readUInt16BE(6),
                width: b.readUInt16BE(8),
                height: b.readUInt16BE(10),
                flags: b.readUInt32BE(12),
              })
            }
            rect.screens = screens
          } else if (rect.encoding === -307) {
            rect.name = await this.#readString()
          } else if (rect.encoding !== -223 && rect.encoding !== -258 && rect.encoding !== -224) {
            throw new Error(`test client cannot decode encoding ${rect.encoding}`)
          }
          rects.push(rect)
        }
        return { type: 'update', rects }
      }
      case 2:
        return { type: 'bell' }
      case 3: {
        const length = (await this.read(7)).readUInt32BE(3)
        return { type: 'cutText', text: (await this.read(length)).toString('latin1') }
      }
      case 250: {
        const b = await this.read(3)
        return { type: 'xvp', version: b[1] ?? 0, code: b[2] ?? 0 }
      }
      default:
        throw new Error(`unexpected server message type ${type}`)
    }
  }

  /** Reads the next message and insists it is a FramebufferUpdate. */
  async readUpdate(timeoutMs = 3000): Promise<RfbTestRect[]> {
    const message = await this.readMessage(timeoutMs)
    if (message.type !== 'update') throw new Error(`expected an update, got ${message.type}`)
    return message.rects
  }

  /** Resolves if nothing arrives within `ms`; rejects if the server sent something. */
  async expectSilence(ms = 100): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, ms))
    if (this.#buffer.length > 0)
      throw new Error(`server sent ${this.#buffer.length} unexpected bytes`)
  }
}
