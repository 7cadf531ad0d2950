/** A rectangle in framebuffer pixels, as RFB messages carry them. */
export interface RfbRect {
  x: number
  y: number
  width: number
  height: number
}
