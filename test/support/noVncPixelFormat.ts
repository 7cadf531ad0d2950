import type { RfbPixelFormat } from '../../fake-cloud/rfb/RfbPixelFormat.ts'

/** The pixel format noVNC asks for right after ServerInit: 32-bit true colour, red lowest. */
export const noVncPixelFormat: RfbPixelFormat = {
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
}
