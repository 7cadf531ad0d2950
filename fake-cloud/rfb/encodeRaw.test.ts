import { noVncPixelFormat as noVnc } from '../../test/support/noVncPixelFormat.ts'
import { describe, expect, it } from 'vitest'
import { encodeRaw } from './encodeRaw.ts'
import { Framebuffer } from './Framebuffer.ts'
import type { RfbPixelFormat } from './RfbPixelFormat.ts'

function screen(): Framebuffer {
  const fb = new Framebuffer(3, 2, 0x000000)
  fb.setPixel(0, 0, 0x112233)
  fb.setPixel(1, 1, 0xff8000)
  return fb
}

describe('encodeRaw', () => {
  it('writes noVNC format (R, G, B, pad little-endian)', () => {
    expect([...encodeRaw(screen(), { x: 0, y: 0, width: 2, height: 1 }, noVnc)]).toEqual([
      0x11, 0x22, 0x33, 0, 0, 0, 0, 0,
    ])
  })

  it('writes the X11 server format (B, G, R, pad little-endian)', () => {
    const bgrx = { ...noVnc, redShift: 16, blueShift: 0 }
    expect([...encodeRaw(screen(), { x: 1, y: 1, width: 1, height: 1 }, bgrx)]).toEqual([
      0x00, 0x80, 0xff, 0,
    ])
  })

  it('honours big-endian 32 bpp', () => {
    const big = { ...noVnc, bigEndian: true, redShift: 16, blueShift: 0 }
    expect([...encodeRaw(screen(), { x: 0, y: 0, width: 1, height: 1 }, big)]).toEqual([
      0, 0x11, 0x22, 0x33,
    ])
  })

  it('packs RGB565 at 16 bpp in either byte order', () => {
    const rgb565: RfbPixelFormat = {
      ...noVnc,
      bitsPerPixel: 16,
      depth: 16,
      redMax: 31,
      greenMax: 63,
      blueMax: 31,
      redShift: 11,
      greenShift: 5,
      blueShift: 0,
    }
    // 0xff8000 → r=31, g=32, b=0 → 0b11111_100000_00000 = 0xfc00
    const rect = { x: 1, y: 1, width: 1, height: 1 }
    expect([...encodeRaw(screen(), rect, rgb565)]).toEqual([0x00, 0xfc])
    expect([...encodeRaw(screen(), rect, { ...rgb565, bigEndian: true })]).toEqual([0xfc, 0x00])
  })

  it('packs BGR233 at 8 bpp', () => {
    const bgr233: RfbPixelFormat = {
      ...noVnc,
      bitsPerPixel: 8,
      depth: 8,
      redMax: 7,
      greenMax: 7,
      blueMax: 3,
      redShift: 0,
      greenShift: 3,
      blueShift: 6,
    }
    // 0xff8000 → r=7, g=4, b=0 → 0b00_100_111 = 0x27
    expect([...encodeRaw(screen(), { x: 1, y: 1, width: 1, height: 1 }, bgr233)]).toEqual([0x27])
  })
})
