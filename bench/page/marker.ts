// Shared by the runner (which paints it on every bench VM's screen) and the page (which looks for
// it): a canvas shows a real frame once its probe pixel has the marker colour. The title bar's
// left corner is never redrawn by the fake VM's scene (only on resize or rename).
export const MARKER = { x: 0, y: 0, size: 8, rgb: 0xff00ff } as const
export const PROBE = { x: 3, y: 3 } as const
