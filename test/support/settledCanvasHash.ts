// Browser side: a canvas's hash once it stops changing, so a live session's last frame and a
// replay's can be compared exactly.
import { canvasHash } from './canvasHash.js'

/** `canvas`'s size and SHA-256 once two readings 300 ms apart agree (fails after 15 s). */
export async function settledCanvasHash(canvas: HTMLCanvasElement): Promise<string> {
  let last = await canvasHash(canvas)
  for (let i = 0; i < 50; i++) {
    await new Promise((resolve) => setTimeout(resolve, 300))
    const now = await canvasHash(canvas)
    if (now === last) return now
    last = now
  }
  throw new Error('the canvas never settled')
}
