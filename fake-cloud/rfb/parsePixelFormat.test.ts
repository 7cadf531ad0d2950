import { noVncPixelFormat } from '../../test/support/noVncPixelFormat.ts'
import { describe, expect, it } from 'vitest'
import { parsePixelFormat } from './parsePixelFormat.ts'
import { pixelFormatBytes } from './pixelFormatBytes.ts'
import { serverPixelFormat } from './serverPixelFormat.ts'

describe('parsePixelFormat', () => {
  it('reads what pixelFormatBytes writes, at any offset of a larger message', () => {
    for (const format of [noVncPixelFormat, serverPixelFormat]) {
      const message = new Uint8Array(20)
      message.set(pixelFormatBytes(format), 4)
      expect(parsePixelFormat(message.subarray(4))).toEqual(format)
    }
  })

  it('reads a 16-bit big-endian RGB565 format', () => {
    const bytes = Uint8Array.of(16, 16, 1, 1, 0, 31, 0, 63, 0, 31, 11, 5, 0, 0, 0, 0)
    expect(parsePixelFormat(bytes)).toMatchObject({
      bitsPerPixel: 16,
      bigEndian: true,
      redMax: 31,
      greenMax: 63,
      redShift: 11,
      greenShift: 5,
    })
  })

  it('refuses 24 bits per pixel and short input', () => {
    const bytes = pixelFormatBytes(noVncPixelFormat)
    bytes[0] = 24
    expect(() => parsePixelFormat(bytes)).toThrow('unsupported bits per pixel 24')
    expect(() => parsePixelFormat(bytes.subarray(0, 15))).toThrow(RangeError)
  })
})
