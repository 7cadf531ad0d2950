import type { RfbRect } from './RfbRect.ts'

/** The overlap of two rectangles, or undefined when they do not overlap. */
export function intersectRects(a: RfbRect, b: RfbRect): RfbRect | undefined {
  const x = Math.max(a.x, b.x)
  const y = Math.max(a.y, b.y)
  const right = Math.min(a.x + a.width, b.x + b.width)
  const bottom = Math.min(a.y + a.height, b.y + b.height)
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : undefined
}
