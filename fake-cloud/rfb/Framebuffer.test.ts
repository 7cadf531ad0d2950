import { describe, expect, it } from 'vitest'
import { Framebuffer } from './Framebuffer.ts'
import type { RfbRect } from './RfbRect.ts'

describe('Framebuffer', () => {
  it('fills, reads back and reports damage clipped to the screen', () => {
    const fb = new Framebuffer(10, 10, 0x102030)
    const damage: RfbRect[] = []
    fb.onDamage((rect) => damage.push(rect))
    expect(fb.getPixel(9, 9)).toBe(0x102030)
    fb.fillRect(8, 8, 5, 5, 0xff0000)
    expect(fb.getPixel(9, 9)).toBe(0xff0000)
    expect(fb.getPixel(7, 7)).toBe(0x102030)
    expect(damage).toEqual([{ x: 8, y: 8, width: 2, height: 2 }])
    expect([...fb.data.subarray(36 * 4 + 0, 36 * 4 + 4)]).toEqual([0x10, 0x20, 0x30, 255])
  })

  it('ignores drawing fully off screen', () => {
    const fb = new Framebuffer(4, 4)
    const damage: RfbRect[] = []
    fb.onDamage((rect) => damage.push(rect))
    fb.fillRect(10, 10, 2, 2, 0xffffff)
    fb.setPixel(-1, 0, 0xffffff)
    expect(damage).toEqual([])
    expect(() => fb.getPixel(4, 0)).toThrow(RangeError)
  })

  it('draws text with the built-in font', () => {
    const fb = new Framebuffer(20, 10)
    const width = fb.drawText(0, 0, 'I', 0xffffff, 0x000080)
    expect(width).toBe(6)
    // 'I' is a vertical bar in column 2 with serifs on rows 0 and 6.
    expect(fb.getPixel(2, 3)).toBe(0xffffff)
    expect(fb.getPixel(0, 3)).toBe(0x000080)
    expect(fb.getPixel(1, 0)).toBe(0xffffff)
    expect(fb.getPixel(10, 3)).toBe(0x000000)
  })

  it('draws a line end to end', () => {
    const fb = new Framebuffer(10, 10)
    fb.drawLine(1, 1, 8, 5, 0x00ff00)
    expect(fb.getPixel(1, 1)).toBe(0x00ff00)
    expect(fb.getPixel(8, 5)).toBe(0x00ff00)
  })

  it('resizes keeping the top-left content and damages everything', () => {
    const fb = new Framebuffer(4, 4)
    fb.setPixel(1, 1, 0xabcdef)
    const events: string[] = []
    fb.onResize((w, h) => events.push(`resize ${w}x${h}`))
    fb.onDamage((r) => events.push(`damage ${r.width}x${r.height}`))
    fb.resize(6, 3, 0x111111)
    expect(events).toEqual(['resize 6x3', 'damage 6x3'])
    expect(fb.getPixel(1, 1)).toBe(0xabcdef)
    expect(fb.getPixel(5, 2)).toBe(0x111111)
    expect(fb.data.length).toBe(6 * 3 * 4)
  })
})
