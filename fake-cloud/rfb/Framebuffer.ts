import { font5x7 } from './font5x7.ts'
import type { RfbRect } from './RfbRect.ts'

/** A colour as 0xRRGGBB. */
export type Rgb = number

/**
 * The server's screen: RGBA bytes in memory plus change notifications. Every drawing call reports
 * the rectangle it touched, which is how sessions learn what to send on an incremental request.
 */
export class Framebuffer {
  #width: number
  #height: number
  #data: Uint8Array
  readonly #damageListeners = new Set<(rect: RfbRect) => void>()
  readonly #resizeListeners = new Set<(width: number, height: number) => void>()

  constructor(width: number, height: number, background: Rgb = 0x000000) {
    this.#width = width
    this.#height = height
    this.#data = new Uint8Array(width * height * 4)
    this.fillRect(0, 0, width, height, background)
  }

  get width(): number {
    return this.#width
  }

  get height(): number {
    return this.#height
  }

  /** The RGBA bytes, row-major (`(y * width + x) * 4`); alpha is always 255. Treat as read-only. */
  get data(): Uint8Array {
    return this.#data
  }

  onDamage(listener: (rect: RfbRect) => void): () => void {
    this.#damageListeners.add(listener)
    return () => this.#damageListeners.delete(listener)
  }

  onResize(listener: (width: number, height: number) => void): () => void {
    this.#resizeListeners.add(listener)
    return () => this.#resizeListeners.delete(listener)
  }

  /** Reports a change made through `data` directly (drawing methods report their own). */
  damage(rect: RfbRect): void {
    const clipped = this.#clip(rect.x, rect.y, rect.width, rect.height)
    if (clipped) for (const listener of this.#damageListeners) listener(clipped)
  }

  getPixel(x: number, y: number): Rgb {
    if (x < 0 || y < 0 || x >= this.#width || y >= this.#height) throw new RangeError('off screen')
    const i = (y * this.#width + x) * 4
    return ((this.#data[i] ?? 0) << 16) | ((this.#data[i + 1] ?? 0) << 8) | (this.#data[i + 2] ?? 0)
  }

  setPixel(x: number, y: number, color: Rgb): void {
    this.fillRect(x, y, 1, 1, color)
  }

  fillRect(x: number, y: number, width: number, height: number, color: Rgb): void {
    const rect = this.#clip(x, y, width, height)
    if (!rect) return
    this.#paint(rect, color)
    this.damage(rect)
  }

  /**
   * Draws `text` with the 5x7 font at `scale`, each character in a (6 * scale) x (8 * scale) cell
   * filled with `background` when given. Returns the width drawn.
   */
  drawText(x: number, y: number, text: string, color: Rgb, background?: Rgb, scale = 1): number {
    const cellWidth = (font5x7.width + 1) * scale
    const cellHeight = (font5x7.height + 1) * scale
    const chars = [...text]
    const width = chars.length * cellWidth
    const area = this.#clip(x, y, width, cellHeight)
    if (!area) return width
    if (background !== undefined) this.#paint(area, background)
    chars.forEach((char, index) => {
      const code = char.codePointAt(0) ?? 0x3f
      for (let column = 0; column < font5x7.width; column++)
        for (let row = 0; row < font5x7.height; row++)
          if (font5x7.isSet(code, column, row)) {
            const dot = this.#clip(
              x + index * cellWidth + column * scale,
              y + row * scale,
              scale,
              scale,
            )
            if (dot) this.#paint(dot, color)
          }
    })
    this.damage(area)
    return width
  }

  /** Draws a 1-pixel line (Bresenham) and reports its bounding box once. */
  drawLine(x0: number, y0: number, x1: number, y1: number, color: Rgb, thickness = 1): void {
    const dx = Math.abs(x1 - x0)
    const dy = -Math.abs(y1 - y0)
    const sx = x0 < x1 ? 1 : -1
    const sy = y0 < y1 ? 1 : -1
    let error = dx + dy
    let x = x0
    let y = y0
    const half = Math.floor(thickness / 2)
    for (;;) {
      const dot = this.#clip(x - half, y - half, thickness, thickness)
      if (dot) this.#paint(dot, color)
      if (x === x1 && y === y1) break
      const e2 = 2 * error
      if (e2 >= dy) {
        error += dy
        x += sx
      }
      if (e2 <= dx) {
        error += dx
        y += sy
      }
    }
    const left = Math.min(x0, x1) - half
    const top = Math.min(y0, y1) - half
    this.damage({ x: left, y: top, width: dx + thickness, height: -dy + thickness })
  }

  /**
   * Changes the size, keeping the top-left content and filling new space with `background`.
   * Listeners hear about the resize first, then about the damage of the whole screen.
   */
  resize(width: number, height: number, background: Rgb = 0x000000): void {
    if (width === this.#width && height === this.#height) return
    const old = this.#data
    const oldWidth = this.#width
    const oldHeight = this.#height
    this.#width = width
    this.#height = height
    this.#data = new Uint8Array(width * height * 4)
    this.#paint({ x: 0, y: 0, width, height }, background)
    const keepWidth = Math.min(width, oldWidth)
    for (let row = 0; row < Math.min(height, oldHeight); row++)
      this.#data.set(
        old.subarray(row * oldWidth * 4, (row * oldWidth + keepWidth) * 4),
        row * width * 4,
      )
    for (const listener of this.#resizeListeners) listener(width, height)
    this.damage({ x: 0, y: 0, width, height })
  }

  #clip(x: number, y: number, width: number, height: number): RfbRect | undefined {
    const left = Math.max(0, Math.floor(x))
    const top = Math.max(0, Math.floor(y))
    const right = Math.min(this.#width, Math.floor(x + width))
    const bottom = Math.min(this.#height, Math.floor(y + height))
    return right > left && bottom > top
      ? { x: left, y: top, width: right - left, height: bottom - top }
      : undefined
  }

  #paint(rect: RfbRect, color: Rgb): void {
    const r = (color >> 16) & 0xff
    const g = (color >> 8) & 0xff
    const b = color & 0xff
    const data = this.#data
    for (let row = rect.y; row < rect.y + rect.height; row++) {
      let i = (row * this.#width + rect.x) * 4
      for (let column = 0; column < rect.width; column++, i += 4) {
        data[i] = r
        data[i + 1] = g
        data[i + 2] = b
        data[i + 3] = 255
      }
    }
  }
}
