// Browser side: reads what a real VNC server painted on noVNC's canvas, coarsely enough to survive
// fonts and firmware versions but strictly enough that a blank, uniform or garbled screen fails.

export interface CanvasTextReport {
  width: number
  height: number
  /** Indices of the horizontal bands (of `bandHeight` px) that contain lit pixels. */
  litBands: number[]
  /** Lit pixels / all pixels. */
  litFraction: number
  /** Distinct colours seen (capped at 64). */
  colours: number
}

/** A "lit" pixel differs from the screen's most common colour (its background). */
export function canvasText(canvas: HTMLCanvasElement, bandHeight = 16): CanvasTextReport {
  const { width, height } = canvas
  const context = canvas.getContext('2d')
  if (!context || width === 0 || height === 0) {
    return { width, height, litBands: [], litFraction: 0, colours: 0 }
  }
  const data = context.getImageData(0, 0, width, height).data
  const counts = new Map<number, number>()
  for (let i = 0; i < data.length; i += 4) {
    const rgb = ((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0)
    counts.set(rgb, (counts.get(rgb) ?? 0) + 1)
  }
  let background = 0
  let most = -1
  for (const [rgb, count] of counts) {
    if (count > most) {
      most = count
      background = rgb
    }
  }
  const bands = new Set<number>()
  let lit = 0
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4
      const rgb = ((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0)
      if (rgb !== background) {
        lit++
        bands.add(Math.floor(y / bandHeight))
      }
    }
  }
  return {
    width,
    height,
    litBands: [...bands].sort((a, b) => a - b),
    litFraction: lit / (width * height),
    colours: Math.min(64, counts.size),
  }
}

/** The canvas noVNC draws on inside a viewer root, or null before the first connection. */
export function consoleCanvas(root: Element): HTMLCanvasElement | null {
  return root.querySelector('[data-rvc-screen] canvas')
}
