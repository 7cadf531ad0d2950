import type { CSSProperties } from 'react'

/** The size and look every console story uses (the viewer fills whatever box it is given). */
export const VIEWER_STYLE: CSSProperties = {
  position: 'relative',
  width: 640,
  height: 400,
  background: '#000000',
  overflow: 'hidden',
}
