// For noVNC under jsdom (Node tests of the real client): jsdom has no canvas and no ResizeObserver.

/** jsdom has no canvas: a 2D context that accepts every call is enough for noVNC to run. */
export function stubJsdomCanvas(): void {
  const context = new Proxy(
    {
      createImageData: (width: number, height: number) => ({
        width,
        height,
        data: new Uint8ClampedArray(width * height * 4),
      }),
      getImageData: (_x: number, _y: number, width: number, height: number) => ({
        width,
        height,
        data: new Uint8ClampedArray(width * height * 4),
      }),
    },
    {
      get: (target, key) => (key in target ? target[key as keyof typeof target] : () => undefined),
    },
  )
  HTMLCanvasElement.prototype.getContext = (() => context) as never
  globalThis.ImageData ??= class {
    readonly data: Uint8ClampedArray
    readonly width: number
    readonly height: number
    constructor(data: Uint8ClampedArray, width: number, height: number) {
      this.data = data
      this.width = width
      this.height = height
    }
  } as unknown as typeof ImageData
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
}
