import type { RfbPixelFormat } from './RfbPixelFormat.ts'

/** What the server offers before SetPixelFormat: 32 bpp BGRX little-endian, as X servers do. */
export const serverPixelFormat: Readonly<RfbPixelFormat> = {
  bitsPerPixel: 32,
  depth: 24,
  bigEndian: false,
  trueColor: true,
  redMax: 255,
  greenMax: 255,
  blueMax: 255,
  redShift: 16,
  greenShift: 8,
  blueShift: 0,
}
