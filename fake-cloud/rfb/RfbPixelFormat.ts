/** The RFB PIXEL_FORMAT structure (RFC 6143 §7.4): how a client wants pixel values on the wire. */
export interface RfbPixelFormat {
  bitsPerPixel: 8 | 16 | 32
  depth: number
  bigEndian: boolean
  trueColor: boolean
  redMax: number
  greenMax: number
  blueMax: number
  redShift: number
  greenShift: number
  blueShift: number
}
