import { ConsoleError } from '../../core/ConsoleError.js'

/** The screen as a PNG, from noVNC's canvas; a ConsoleError when there is no live screen. */
export function captureScreenshot(
  canvas: HTMLCanvasElement | null,
  connected: boolean,
): Promise<Blob> {
  if (!canvas || !connected) {
    return Promise.reject(
      new ConsoleError({
        kind: 'invalid_input',
        provider: 'vnc',
        message: 'The console is not connected.',
      }),
    )
  }
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) =>
        blob
          ? resolve(blob)
          : reject(
              new ConsoleError({
                kind: 'invalid_response',
                provider: 'vnc',
                message: 'The screen could not be captured.',
              }),
            ),
      'image/png',
    ),
  )
}
