// What jsdom lacks for noVNC, kept as close to a browser as a test needs:
// - a 2D canvas that really stores pixels (so a test can read what noVNC painted) and encodes PNGs;
// - ImageData and ResizeObserver;
// - `ws` as WebSocket: jsdom's own can deliver a server's first bytes before `open`, which no
//   browser does and noVNC rejects.
import { deflateSync } from 'node:zlib'
import { WebSocket as NodeWebSocket } from 'ws'

class StubImageData {
  readonly data: Uint8ClampedArray
  readonly width: number
  readonly height: number
  constructor(dataOrWidth: Uint8ClampedArray | number, width: number, height?: number) {
    if (typeof dataOrWidth === 'number') {
      this.width = dataOrWidth
      this.height = width
      this.data = new Uint8ClampedArray(dataOrWidth * width * 4)
    } else {
      this.data = dataOrWidth
      this.width = width
      this.height = height ?? dataOrWidth.length / 4 / width
    }
  }
}

/** A 2D context over an RGBA buffer: the calls noVNC's Display and Cursor make. */
class StubContext2D {
  readonly canvas: HTMLCanvasElement
  fillStyle = '#000000'
  imageSmoothingEnabled = true
  private pixels = new Uint8ClampedArray(0)
  private size = ''

  constructor(canvas: HTMLCanvasElement) {
    this.canvas = canvas
  }

  /** The pixels, reallocated (cleared) when the canvas is resized, as a browser does. */
  buffer(): Uint8ClampedArray {
    const size = `${this.canvas.width}x${this.canvas.height}`
    if (size !== this.size) {
      this.size = size
      this.pixels = new Uint8ClampedArray(this.canvas.width * this.canvas.height * 4)
    }
    return this.pixels
  }

  createImageData(width: number, height: number): StubImageData {
    return new StubImageData(width, height)
  }

  getImageData(x: number, y: number, width: number, height: number): StubImageData {
    const out = new StubImageData(width, height)
    this.copy(this.buffer(), this.canvas.width, x, y, out.data, width, 0, 0, width, height)
    return out
  }

  putImageData(image: StubImageData, dx: number, dy: number): void {
    this.copy(
      image.data,
      image.width,
      0,
      0,
      this.buffer(),
      this.canvas.width,
      dx,
      dy,
      image.width,
      image.height,
    )
  }

  drawImage(source: HTMLCanvasElement, ...args: number[]): void {
    const from = contexts.get(source)
    if (!from) return
    const [sx, sy, sw, sh, dx, dy] =
      args.length >= 8 ? args : [0, 0, source.width, source.height, args[0] ?? 0, args[1] ?? 0]
    this.copy(
      from.buffer(),
      source.width,
      sx ?? 0,
      sy ?? 0,
      this.buffer(),
      this.canvas.width,
      dx ?? 0,
      dy ?? 0,
      sw ?? 0,
      sh ?? 0,
    )
  }

  fillRect(x: number, y: number, width: number, height: number): void {
    const match = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(this.fillStyle)
    const hex = /^#([0-9a-f]{6})$/i.exec(this.fillStyle)
    const rgb = match
      ? [Number(match[1]), Number(match[2]), Number(match[3])]
      : hex
        ? [0, 2, 4].map((i) => parseInt(hex[1]!.slice(i, i + 2), 16))
        : [0, 0, 0]
    const buffer = this.buffer()
    for (let row = y; row < y + height; row++) {
      for (let col = x; col < x + width; col++) {
        if (row < 0 || col < 0 || row >= this.canvas.height || col >= this.canvas.width) continue
        const i = (row * this.canvas.width + col) * 4
        buffer.set([rgb[0]!, rgb[1]!, rgb[2]!, 255], i)
      }
    }
  }

  clearRect(x: number, y: number, width: number, height: number): void {
    const buffer = this.buffer()
    for (let row = y; row < y + height && row < this.canvas.height; row++) {
      const start = (row * this.canvas.width + x) * 4
      buffer.fill(0, start, start + Math.min(width, this.canvas.width - x) * 4)
    }
  }

  private copy(
    src: Uint8ClampedArray,
    srcWidth: number,
    sx: number,
    sy: number,
    dst: Uint8ClampedArray,
    dstWidth: number,
    dx: number,
    dy: number,
    width: number,
    height: number,
  ): void {
    const srcHeight = src.length / 4 / Math.max(1, srcWidth)
    const dstHeight = dst.length / 4 / Math.max(1, dstWidth)
    for (let row = 0; row < height; row++) {
      const fromY = sy + row
      const toY = dy + row
      if (fromY < 0 || toY < 0 || fromY >= srcHeight || toY >= dstHeight) continue
      const x0 = Math.max(0, -sx, -dx)
      const x1 = Math.min(width, srcWidth - sx, dstWidth - dx)
      if (x1 <= x0) continue
      const from = (fromY * srcWidth + sx + x0) * 4
      dst.set(src.subarray(from, from + (x1 - x0) * 4), (toY * dstWidth + dx + x0) * 4)
    }
  }
}

const contexts = new WeakMap<HTMLCanvasElement, StubContext2D>()

/** The RGB value at (x, y) of a canvas painted through the stub, as 0xRRGGBB. */
export function canvasPixel(canvas: HTMLCanvasElement, x: number, y: number): number {
  const buffer = contexts.get(canvas)?.buffer()
  if (!buffer) throw new Error('canvas has no 2D context')
  const i = (y * canvas.width + x) * 4
  return (buffer[i]! << 16) | (buffer[i + 1]! << 8) | buffer[i + 2]!
}

function crc32(bytes: Uint8Array): number {
  let crc = ~0
  for (const byte of bytes) {
    crc ^= byte
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1))
  }
  return ~crc >>> 0
}

/** A real PNG of the stub's pixels (what a browser's canvas.toBlob gives). */
function encodePng(
  width: number,
  height: number,
  rgba: Uint8ClampedArray,
): Uint8Array<ArrayBuffer> {
  const raw = Buffer.alloc((width * 4 + 1) * height)
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(
      raw,
      y * (width * 4 + 1) + 1,
    )
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const out = Buffer.alloc(8 + data.length + 4)
    out.writeUInt32BE(data.length, 0)
    body.copy(out, 4)
    out.writeUInt32BE(crc32(body), 8 + data.length)
    return out
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 6, 0, 0, 0], 8)
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** Installs the stubs into the current (jsdom) global scope. */
export function installBrowserStubs(): void {
  HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string) {
    if (type !== '2d') return null
    let context = contexts.get(this)
    if (!context) {
      context = new StubContext2D(this)
      contexts.set(this, context)
    }
    return context
  } as never
  HTMLCanvasElement.prototype.toBlob = function (this: HTMLCanvasElement, callback: BlobCallback) {
    const context = contexts.get(this)
    const png = encodePng(
      this.width,
      this.height,
      context?.buffer() ?? new Uint8ClampedArray(this.width * this.height * 4),
    )
    setTimeout(() => callback(new Blob([png], { type: 'image/png' })), 0)
  }
  HTMLCanvasElement.prototype.toDataURL = function () {
    return 'data:image/png;base64,'
  }
  globalThis.ImageData = StubImageData as unknown as typeof ImageData
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  globalThis.WebSocket = NodeWebSocket as unknown as typeof WebSocket
}
