import { expect, it } from 'vitest'
import { pixelFormatBytes } from './pixelFormatBytes.ts'

it("writes noVNC's 32-bit true-colour format as RFC 6143 lays it out, padding zeroed", () => {
  const bytes = pixelFormatBytes({
    bitsPerPixel: 32,
    depth: 24,
    bigEndian: false,
    trueColor: true,
    redMax: 255,
    greenMax: 255,
    blueMax: 255,
    redShift: 0,
    greenShift: 8,
    blueShift: 16,
  })
  expect([...bytes]).toEqual([32, 24, 0, 1, 0, 255, 0, 255, 0, 255, 0, 8, 16, 0, 0, 0])
})
