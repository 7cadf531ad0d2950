import type { Framebuffer } from './Framebuffer.ts'
import type { RfbPixelFormat } from './RfbPixelFormat.ts'
import type { RfbRect } from './RfbRect.ts'

/** Byte index (0..3, little-endian order) of a channel when it fills exactly one byte, else -1. */
function byteOf(max: number, shift: number, bigEndian: boolean): number {
  if (max !== 255 || shift % 8 !== 0) return -1
  return bigEndian ? 3 - shift / 8 : shift / 8
}

/**
 * The Raw encoding of `rect` (already clipped to the screen) in the client's true-colour pixel
 * format: any bits per pixel (8/16/32), channel maxima, shifts and byte order.
 */
export function encodeRaw(fb: Framebuffer, rect: RfbRect, format: RfbPixelFormat): Uint8Array {
  const bytesPerPixel = format.bitsPerPixel / 8
  const out = new Uint8Array(rect.width * rect.height * bytesPerPixel)
  const src = fb.data
  const stride = fb.width * 4

  const red = byteOf(format.redMax, format.redShift, format.bigEndian)
  const green = byteOf(format.greenMax, format.greenShift, format.bigEndian)
  const blue = byteOf(format.blueMax, format.blueShift, format.bigEndian)
  if (bytesPerPixel === 4 && red >= 0 && green >= 0 && blue >= 0) {
    // The common case (noVNC, TigerVNC): each channel is a whole byte, so copy bytes directly.
    let o = 0
    for (let row = rect.y; row < rect.y + rect.height; row++) {
      let i = row * stride + rect.x * 4
      for (let column = 0; column < rect.width; column++, i += 4, o += 4) {
        out[o + red] = src[i] ?? 0
        out[o + green] = src[i + 1] ?? 0
        out[o + blue] = src[i + 2] ?? 0
      }
    }
    return out
  }

  const scale = (value: number, max: number) => Math.round((value * max) / 255)
  let o = 0
  for (let row = rect.y; row < rect.y + rect.height; row++) {
    let i = row * stride + rect.x * 4
    for (let column = 0; column < rect.width; column++, i += 4) {
      const pixel =
        ((scale(src[i] ?? 0, format.redMax) << format.redShift) |
          (scale(src[i + 1] ?? 0, format.greenMax) << format.greenShift) |
          (scale(src[i + 2] ?? 0, format.blueMax) << format.blueShift)) >>>
        0
      for (let b = 0; b < bytesPerPixel; b++) {
        const shift = format.bigEndian ? (bytesPerPixel - 1 - b) * 8 : b * 8
        out[o++] = (pixel >>> shift) & 0xff
      }
    }
  }
  return out
}
