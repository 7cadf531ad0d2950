import type { RfbRect } from './RfbRect.ts'

function intersect(a: RfbRect, b: RfbRect): RfbRect | undefined {
  const x = Math.max(a.x, b.x)
  const y = Math.max(a.y, b.y)
  const right = Math.min(a.x + a.width, b.x + b.width)
  const bottom = Math.min(a.y + a.height, b.y + b.height)
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : undefined
}

function contains(outer: RfbRect, inner: RfbRect): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  )
}

/** `rect` minus `hole`, as up to four non-overlapping pieces. */
function subtract(rect: RfbRect, hole: RfbRect): RfbRect[] {
  const cut = intersect(rect, hole)
  if (!cut) return [rect]
  const pieces: RfbRect[] = []
  const right = rect.x + rect.width
  const bottom = rect.y + rect.height
  if (cut.y > rect.y)
    pieces.push({ x: rect.x, y: rect.y, width: rect.width, height: cut.y - rect.y })
  const cutBottom = cut.y + cut.height
  if (cutBottom < bottom)
    pieces.push({ x: rect.x, y: cutBottom, width: rect.width, height: bottom - cutBottom })
  if (cut.x > rect.x)
    pieces.push({ x: rect.x, y: cut.y, width: cut.x - rect.x, height: cut.height })
  const cutRight = cut.x + cut.width
  if (cutRight < right)
    pieces.push({ x: cutRight, y: cut.y, width: right - cutRight, height: cut.height })
  return pieces
}

function boundingBox(rects: readonly RfbRect[]): RfbRect {
  let x = Infinity
  let y = Infinity
  let right = -Infinity
  let bottom = -Infinity
  for (const r of rects) {
    x = Math.min(x, r.x)
    y = Math.min(y, r.y)
    right = Math.max(right, r.x + r.width)
    bottom = Math.max(bottom, r.y + r.height)
  }
  return { x, y, width: right - x, height: bottom - y }
}

/**
 * The parts of the screen a client has not seen yet. Rectangles stay separate so a ticking clock
 * costs only its own pixels, but past `maxRects` they collapse into their bounding box: one big rect
 * is cheaper on the wire than hundreds of tiny ones (each has a 12-byte header) from a pointer drag.
 */
export class DamageRegion {
  #rects: RfbRect[] = []

  readonly maxRects: number

  constructor(maxRects = 32) {
    this.maxRects = maxRects
  }

  get isEmpty(): boolean {
    return this.#rects.length === 0
  }

  /** The pending rectangles (non-overlapping only after `take`; callers should not rely on order). */
  get rects(): readonly RfbRect[] {
    return this.#rects
  }

  add(rect: RfbRect): void {
    if (rect.width <= 0 || rect.height <= 0) return
    if (this.#rects.some((r) => contains(r, rect))) return
    this.#rects = this.#rects.filter((r) => !contains(rect, r))
    this.#rects.push({ ...rect })
    if (this.#rects.length > this.maxRects) this.#rects = [boundingBox(this.#rects)]
  }

  clear(): void {
    this.#rects = []
  }

  /**
   * Removes and returns the damage inside `clip`, as non-overlapping rectangles (so each pixel is
   * sent once); damage outside `clip` stays for a later request.
   */
  take(clip: RfbRect): RfbRect[] {
    const taken: RfbRect[] = []
    const kept: RfbRect[] = []
    for (const rect of this.#rects) {
      const inside = intersect(rect, clip)
      if (!inside) {
        kept.push(rect)
        continue
      }
      kept.push(...subtract(rect, clip))
      // Drop what earlier rects already cover, so overlapping damage is not sent twice.
      let pieces = [inside]
      for (const done of taken) pieces = pieces.flatMap((p) => subtract(p, done))
      taken.push(...pieces)
    }
    this.#rects = kept
    if (taken.length > this.maxRects) return [boundingBox(taken)]
    return taken
  }
}
