// Browser side: a canvas's pixels as one hash, read once they stop changing, so a live session's
// last frame and a replay's can be compared exactly.

async function hashOf(canvas: HTMLCanvasElement): Promise<string> {
  const context = canvas.getContext('2d')
  if (!context || canvas.width === 0) return 'empty'
  const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', pixels))
  const hex = [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('')
  return `${canvas.width}x${canvas.height}:${hex}`
}

/** `canvas`'s size and SHA-256 once two readings 300 ms apart agree (fails after 15 s). */
export async function settledCanvasHash(canvas: HTMLCanvasElement): Promise<string> {
  let last = await hashOf(canvas)
  for (let i = 0; i < 50; i++) {
    await new Promise((resolve) => setTimeout(resolve, 300))
    const now = await hashOf(canvas)
    if (now === last) return now
    last = now
  }
  throw new Error('the canvas never settled')
}
