// Browser side: a canvas's pixels as one hash, so a live session's last frame and a replay's can be
// compared exactly.

/** `canvas`'s size and the SHA-256 of its pixels (`'empty'` before it has any). */
export async function canvasHash(canvas: HTMLCanvasElement): Promise<string> {
  const context = canvas.getContext('2d')
  if (!context || canvas.width === 0) return 'empty'
  const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', pixels))
  const hex = [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('')
  return `${canvas.width}x${canvas.height}:${hex}`
}
