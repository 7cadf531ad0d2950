import type { ConsoleViewProps } from '../types.js'

/** The display settings a viewer starts with (and hands react-vnc), unless props say otherwise. */
export const VIEW_DEFAULTS: Required<ConsoleViewProps> = {
  viewOnly: false,
  scaleViewport: true,
  resizeSession: false,
  clipViewport: false,
  qualityLevel: 6,
  compressionLevel: 2,
  showDotCursor: false,
  background: '',
  focusOnClick: true,
}
