import { ByteWriter } from './ByteWriter.ts'
import type { RfbPixelFormat } from './RfbPixelFormat.ts'

/** The 16-byte PIXEL_FORMAT structure (RFC 6143 §7.4), as ServerInit and SetPixelFormat carry it. */
export function pixelFormatBytes(pf: RfbPixelFormat): Uint8Array {
  return new ByteWriter()
    .u8(pf.bitsPerPixel, pf.depth, pf.bigEndian ? 1 : 0, pf.trueColor ? 1 : 0)
    .u16(pf.redMax)
    .u16(pf.greenMax)
    .u16(pf.blueMax)
    .u8(pf.redShift, pf.greenShift, pf.blueShift)
    .zeros(3)
    .finish()
}
