import type { RfbPixelFormat } from './RfbPixelFormat.ts'

/**
 * Reads the 16-byte PIXEL_FORMAT structure (RFC 6143 §7.4). Throws for bits per pixel other than
 * 8, 16 and 32, which RFB does not allow; colour maps are the caller's to refuse.
 */
export function parsePixelFormat(bytes: Uint8Array): RfbPixelFormat {
  if (bytes.length < 16) throw new RangeError('a pixel format is 16 bytes')
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const bitsPerPixel = view.getUint8(0)
  if (bitsPerPixel !== 8 && bitsPerPixel !== 16 && bitsPerPixel !== 32)
    throw new Error(`unsupported bits per pixel ${bitsPerPixel}`)
  return {
    bitsPerPixel,
    depth: view.getUint8(1),
    bigEndian: view.getUint8(2) !== 0,
    trueColor: view.getUint8(3) !== 0,
    redMax: view.getUint16(4),
    greenMax: view.getUint16(6),
    blueMax: view.getUint16(8),
    redShift: view.getUint8(10),
    greenShift: view.getUint8(11),
    blueShift: view.getUint8(12),
  }
}
