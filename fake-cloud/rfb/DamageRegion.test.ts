import { describe, expect, it } from 'vitest'
import { DamageRegion } from './DamageRegion.ts'

const screen = { x: 0, y: 0, width: 100, height: 100 }
const area = (rects: { width: number; height: number }[]) =>
  rects.reduce((sum, r) => sum + r.width * r.height, 0)

describe('DamageRegion', () => {
  it('starts empty and ignores empty rects', () => {
    const region = new DamageRegion()
    region.add({ x: 5, y: 5, width: 0, height: 10 })
    expect(region.isEmpty).toBe(true)
    expect(region.take(screen)).toEqual([])
  })

  it('returns separate small rects and empties itself', () => {
    const region = new DamageRegion()
    region.add({ x: 0, y: 0, width: 2, height: 2 })
    region.add({ x: 50, y: 50, width: 3, height: 3 })
    expect(region.take(screen)).toEqual([
      { x: 0, y: 0, width: 2, height: 2 },
      { x: 50, y: 50, width: 3, height: 3 },
    ])
    expect(region.isEmpty).toBe(true)
  })

  it('sends overlapping damage once', () => {
    const region = new DamageRegion()
    region.add({ x: 0, y: 0, width: 10, height: 10 })
    region.add({ x: 5, y: 5, width: 10, height: 10 })
    expect(area(region.take(screen))).toBe(175)
  })

  it('drops rects contained in others', () => {
    const region = new DamageRegion()
    region.add({ x: 10, y: 10, width: 5, height: 5 })
    region.add({ x: 0, y: 0, width: 50, height: 50 })
    region.add({ x: 20, y: 20, width: 5, height: 5 })
    expect(region.rects).toEqual([{ x: 0, y: 0, width: 50, height: 50 }])
  })

  it('keeps damage outside the clip for later', () => {
    const region = new DamageRegion()
    region.add({ x: 0, y: 0, width: 20, height: 10 })
    expect(region.take({ x: 0, y: 0, width: 10, height: 10 })).toEqual([
      { x: 0, y: 0, width: 10, height: 10 },
    ])
    expect(region.take(screen)).toEqual([{ x: 10, y: 0, width: 10, height: 10 }])
  })

  it('collapses into a bounding box past the cap', () => {
    const region = new DamageRegion(4)
    for (let i = 0; i < 5; i++) region.add({ x: i * 10, y: i * 10, width: 1, height: 1 })
    expect(region.take(screen)).toEqual([{ x: 0, y: 0, width: 41, height: 41 }])
  })
})
