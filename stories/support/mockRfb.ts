// A small RFB 3.8 server inside the browser, on MSW's WebSocket mock: stories reach every VNC
// state (connecting, connected, credentials, security failure, drops) with no server at all, in
// `storybook dev`, the static build and the Vitest story tests alike. It paints a picture drawn on a
// canvas, answers update requests with Raw rects in the client's pixel format, and records keys.
import { ws } from 'msw'

export interface MockRfbOptions {
  width?: number
  height?: number
  desktopName?: string
  /** Never send the server greeting: the client stays `connecting`. */
  silent?: boolean
  /** Offer VNC Authentication (any answer is accepted) instead of None. */
  password?: boolean
  /** Refuse the handshake with this reason. */
  securityFailure?: string
  /** Close every session this long after it starts. */
  dropAfterMs?: number
  /** Announce XVP (XVP_INIT) once the client sends its encodings: the client reports `power`. */
  xvp?: boolean
  /** Put this text on the client's clipboard (ServerCutText) once the client sends its encodings. */
  clipboardText?: string
}

/** The XVP operations a client can send (RFB `xvp` message, op 2…4). */
export type MockRfbPowerAction = 'shutdown' | 'reboot' | 'reset'
const XVP_OPS: Record<number, MockRfbPowerAction> = { 2: 'shutdown', 3: 'reboot', 4: 'reset' }

export interface MockRfbKey {
  keysym: number
  down: boolean
}

/** What a story's play function can read back about the sessions of one mock. */
export interface MockRfbRecord {
  sessions: number
  /** The URL of every socket, as the client opened it. */
  urls: string[]
  keys: MockRfbKey[]
  clipboard: string[]
  /** XVP power requests, in order (only a server with `xvp` is sent any). */
  power: MockRfbPowerAction[]
}

interface PixelFormat {
  bytes: number
  bigEndian: boolean
  max: [number, number, number]
  shift: [number, number, number]
}

const TEXT = new TextEncoder()

function u16(value: number): number[] {
  return [(value >> 8) & 0xff, value & 0xff]
}
function u32(value: number): number[] {
  return [(value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff]
}

/** The picture every mock session shows: a gradient, a title and a frame, drawn once per size. */
export function paintMockScreen(width: number, height: number, title: string): Uint8ClampedArray {
  const canvas = document.createElement('canvas')
  canvas.width = width
  canvas.height = height
  const context = canvas.getContext('2d')
  if (!context) throw new Error('no 2d context')
  const gradient = context.createLinearGradient(0, 0, width, height)
  gradient.addColorStop(0, '#12355b')
  gradient.addColorStop(1, '#1f7a8c')
  context.fillStyle = gradient
  context.fillRect(0, 0, width, height)
  context.fillStyle = '#f4d35e'
  context.fillRect(0, 0, width, 28)
  context.fillStyle = '#111111'
  context.font = 'bold 16px monospace'
  context.fillText(title, 10, 19)
  context.fillStyle = '#ffffff'
  context.font = '20px monospace'
  context.fillText('login: _', 24, 80)
  return context.getImageData(0, 0, width, height).data
}

function encodeRaw(rgba: Uint8ClampedArray, format: PixelFormat): Uint8Array {
  const pixels = rgba.length / 4
  const out = new Uint8Array(pixels * format.bytes)
  for (let p = 0; p < pixels; p++) {
    const r = rgba[p * 4] ?? 0
    const g = rgba[p * 4 + 1] ?? 0
    const b = rgba[p * 4 + 2] ?? 0
    const value =
      ((Math.round((r * format.max[0]) / 255) << format.shift[0]) |
        (Math.round((g * format.max[1]) / 255) << format.shift[1]) |
        (Math.round((b * format.max[2]) / 255) << format.shift[2])) >>>
      0
    for (let i = 0; i < format.bytes; i++) {
      const byte = format.bigEndian ? format.bytes - 1 - i : i
      out[p * format.bytes + i] = (value >>> (8 * byte)) & 0xff
    }
  }
  return out
}

/** Bytes that arrive in pieces; messages are taken whole or not at all. */
class Input {
  private buffer = new Uint8Array(0)
  push(bytes: Uint8Array): void {
    const next = new Uint8Array(this.buffer.length + bytes.length)
    next.set(this.buffer)
    next.set(bytes, this.buffer.length)
    this.buffer = next
  }
  get length(): number {
    return this.buffer.length
  }
  peek(offset: number): number {
    return this.buffer[offset] ?? 0
  }
  peek16(offset: number): number {
    return (this.peek(offset) << 8) | this.peek(offset + 1)
  }
  peek32(offset: number): number {
    return ((this.peek16(offset) << 16) | this.peek16(offset + 2)) >>> 0
  }
  take(count: number): Uint8Array {
    const taken = this.buffer.slice(0, count)
    this.buffer = this.buffer.slice(count)
    return taken
  }
}

function toBytes(data: unknown): Promise<Uint8Array> | Uint8Array {
  if (data instanceof ArrayBuffer) return new Uint8Array(data.slice(0))
  if (ArrayBuffer.isView(data)) {
    return new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength))
  }
  if (data instanceof Blob) return data.arrayBuffer().then((buffer) => new Uint8Array(buffer))
  if (typeof data === 'string') return TEXT.encode(data)
  return new Uint8Array(0)
}

const PATCHED = Symbol.for('react-vm-console.stories.copy-websocket-sends')

/**
 * MSW's WebSocket interceptor delivers `send(view)` a microtask later without copying it, and
 * noVNC reuses its send buffer at once: mocked servers would read the NEXT message's bytes and
 * passed-through sockets (the live stories) would send them. Copying views at `send` time, as a
 * real WebSocket does, fixes both. Call after `worker.start()` has installed MSW's WebSocket.
 */
export function copyWebSocketSends(): void {
  const current = globalThis.WebSocket as typeof WebSocket & { [PATCHED]?: true }
  if (current[PATCHED]) return
  const patched = new Proxy(current, {
    construct(target, args: ConstructorParameters<typeof WebSocket>, newTarget) {
      const socket = Reflect.construct(target, args, newTarget) as WebSocket
      const send = socket.send.bind(socket)
      socket.send = (data) =>
        send(
          ArrayBuffer.isView(data)
            ? new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength))
            : data,
        )
      return socket
    },
    get(target, key, receiver) {
      return key === PATCHED ? true : Reflect.get(target, key, receiver)
    },
  })
  globalThis.WebSocket = patched
}

/**
 * An MSW handler for `url` (e.g. `wss://vnc.example.test/websockify`, any query) that speaks RFB.
 * Returns the handler for `parameters.msw` and the record of what clients sent.
 */
export function mockRfb(url: string, options: MockRfbOptions = {}) {
  const width = options.width ?? 640
  const height = options.height ?? 400
  const name = options.desktopName ?? 'Mock VM'
  const record: MockRfbRecord = { sessions: 0, urls: [], keys: [], clipboard: [], power: [] }
  const link = ws.link(url)
  const handler = link.addEventListener('connection', ({ client }) => {
    record.sessions++
    record.urls.push(client.url.href)
    if (options.silent) return
    const send = (bytes: number[] | Uint8Array) => client.send(new Uint8Array(bytes))
    const input = new Input()
    let stage: 'version' | 'security' | 'auth' | 'init' | 'normal' = 'version'
    let format: PixelFormat = {
      bytes: 4,
      bigEndian: false,
      max: [255, 255, 255],
      shift: [16, 8, 0],
    }
    let screen: Uint8ClampedArray | undefined
    let greeted = false

    // What the server says once the client is ready for it (it has sent its encodings).
    const greet = () => {
      if (greeted) return
      greeted = true
      if (options.xvp) send([250, 0, 1, 1]) // XVP, version 1, XVP_INIT
      if (options.clipboardText !== undefined) {
        const text = [...options.clipboardText].map((c) => c.charCodeAt(0) & 0xff)
        send([3, 0, 0, 0, ...u32(text.length), ...text]) // ServerCutText (Latin-1)
      }
    }

    const sendFrame = () => {
      screen ??= paintMockScreen(width, height, name)
      const pixels = encodeRaw(screen, format)
      const header = [
        0,
        0,
        ...u16(1),
        ...u16(0),
        ...u16(0),
        ...u16(width),
        ...u16(height),
        ...u32(0),
      ]
      const message = new Uint8Array(header.length + pixels.length)
      message.set(header)
      message.set(pixels, header.length)
      send(message)
    }

    const step = (): boolean => {
      switch (stage) {
        case 'version':
          if (input.length < 12) return false
          input.take(12)
          if (options.securityFailure !== undefined) {
            const reason = TEXT.encode(options.securityFailure)
            send([0, ...u32(reason.length), ...reason])
            return false
          }
          send([1, options.password ? 2 : 1])
          stage = 'security'
          return true
        case 'security':
          if (input.length < 1) return false
          if (input.take(1)[0] === 2) {
            send(new Uint8Array(16).map((_, i) => i * 13))
            stage = 'auth'
          } else {
            send(u32(0))
            stage = 'init'
          }
          return true
        case 'auth':
          if (input.length < 16) return false
          input.take(16)
          send(u32(0))
          stage = 'init'
          return true
        case 'init': {
          if (input.length < 1) return false
          input.take(1)
          const nameBytes = TEXT.encode(name)
          // 32 bpp, depth 24, little endian, true colour, 8 bits per channel.
          const pixelFormat = [
            32,
            24,
            0,
            1,
            ...u16(255),
            ...u16(255),
            ...u16(255),
            16,
            8,
            0,
            0,
            0,
            0,
          ]
          send([
            ...u16(width),
            ...u16(height),
            ...pixelFormat,
            ...u32(nameBytes.length),
            ...nameBytes,
          ])
          stage = 'normal'
          return true
        }
        case 'normal':
          return clientMessage()
      }
    }

    const clientMessage = (): boolean => {
      if (input.length < 1) return false
      const type = input.peek(0)
      const need = (count: number) => input.length >= count
      switch (type) {
        case 0: // SetPixelFormat
          if (!need(20)) return false
          format = {
            bytes: input.peek(4) / 8,
            bigEndian: input.peek(6) !== 0,
            max: [input.peek16(8), input.peek16(10), input.peek16(12)],
            shift: [input.peek(14), input.peek(15), input.peek(16)],
          }
          input.take(20)
          return true
        case 2: {
          // SetEncodings
          if (!need(4)) return false
          const size = 4 + 4 * input.peek16(2)
          if (!need(size)) return false
          input.take(size)
          greet()
          return true
        }
        case 3: // FramebufferUpdateRequest: only full requests get pixels (the screen never changes)
          if (!need(10)) return false
          if (input.peek(1) === 0) sendFrame()
          input.take(10)
          return true
        case 4: // KeyEvent
          if (!need(8)) return false
          record.keys.push({ down: input.peek(1) !== 0, keysym: input.peek32(4) })
          input.take(8)
          return true
        case 5: // PointerEvent
          if (!need(6)) return false
          input.take(6)
          return true
        case 6: {
          // ClientCutText (plain Latin-1; this server offers no extended clipboard)
          if (!need(8)) return false
          const length = input.peek32(4)
          if (!need(8 + length)) return false
          const text = input.take(8 + length).slice(8)
          record.clipboard.push(String.fromCharCode(...text))
          return true
        }
        case 150: // EnableContinuousUpdates
          if (!need(10)) return false
          input.take(10)
          return true
        case 248: // ClientFence
          if (!need(9)) return false
          if (!need(9 + input.peek(8))) return false
          input.take(9 + input.peek(8))
          return true
        case 250: {
          // XVP: padding, version, operation
          if (!need(4)) return false
          const action = XVP_OPS[input.peek(3)]
          if (action) record.power.push(action)
          input.take(4)
          return true
        }
        case 251: {
          // SetDesktopSize
          if (!need(8)) return false
          const size = 8 + 16 * input.peek(6)
          if (!need(size)) return false
          input.take(size)
          return true
        }
        case 255: // QEMU client message (extended key event)
          if (!need(12)) return false
          record.keys.push({ down: input.peek16(2) !== 0, keysym: input.peek32(4) })
          input.take(12)
          return true
        default:
          client.close(1002, `unknown message ${type}`)
          return false
      }
    }

    let queue = Promise.resolve()
    client.addEventListener('message', (event) => {
      // Copy now: noVNC sends views of its send buffer, which it overwrites with the next message.
      // Blobs are read asynchronously, so the queue keeps the messages in order.
      const bytes = toBytes(event.data)
      queue = queue.then(async () => {
        input.push(await bytes)
        while (step()) {
          // consume every complete message
        }
      })
    })
    send(TEXT.encode('RFB 003.008\n'))
    if (options.dropAfterMs !== undefined) {
      setTimeout(() => client.close(), options.dropAfterMs)
    }
  })
  return { handler, record }
}
