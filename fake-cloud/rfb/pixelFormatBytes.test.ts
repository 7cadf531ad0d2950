import { noVncPixelFormat } from '../../test/support/noVncPixelFormat.ts'
import { expect, it } from 'vitest'
import { pixelFormatBytes } from './pixelFormatBytes.ts'

it("writes noVNC's 32-bit true-colour format as RFC 6143 lays it out, padding zeroed", () => {
  const bytes = pixelFormatBytes(noVncPixelFormat)
  expect([...bytes]).toEqual([32, 24, 0, 1, 0, 255, 0, 255, 0, 255, 0, 8, 16, 0, 0, 0])
})
