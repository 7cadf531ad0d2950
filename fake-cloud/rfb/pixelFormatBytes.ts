import type { RfbPixelFormat } from './RfbPixelFormat.ts'

/** The 16-byte PIXEL_FORMAT structure (RFC 6143 §7.4), as ServerInit and SetPixelFormat carry it. */
export function pixelFormatBytes(pf: RfbPixelFormat): Buffer {
  const b = Buffer.alloc(16)
  b.writeUInt8(pf.bitsPerPixel, 0)
  b.writeUInt8(pf.depth, 1)
  b.writeUInt8(pf.bigEndian ? 1 : 0, 2)
  b.writeUInt8(pf.trueColor ? 1 : 0, 3)
  b.writeUInt16BE(pf.redMax, 4)
  b.writeUInt16BE(pf.greenMax, 6)
  b.writeUInt16BE(pf.blueMax, 8)
  b.writeUInt8(pf.redShift, 10)
  b.writeUInt8(pf.greenShift, 11)
  b.writeUInt8(pf.blueShift, 12)
  return b
}
