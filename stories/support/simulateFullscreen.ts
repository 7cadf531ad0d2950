/**
 * Simulates the Fullscreen API for a story (returns the cleanup): the test page may run in a frame
 * that does not allow fullscreen, and a scripted click is no user gesture.
 */
export function simulateFullscreen(): () => void {
  let current: Element | null = null
  const change = (element: Element | null) => {
    current = element
    document.dispatchEvent(new Event('fullscreenchange'))
  }
  Object.defineProperty(document, 'fullscreenEnabled', { configurable: true, value: true })
  Object.defineProperty(document, 'fullscreenElement', { configurable: true, get: () => current })
  Object.defineProperty(document, 'exitFullscreen', {
    configurable: true,
    value: async () => change(null),
  })
  Object.defineProperty(HTMLElement.prototype, 'requestFullscreen', {
    configurable: true,
    value: async function (this: HTMLElement) {
      change(this)
    },
  })
  return () => {
    for (const key of ['fullscreenEnabled', 'fullscreenElement', 'exitFullscreen']) {
      Reflect.deleteProperty(document, key)
    }
    Reflect.deleteProperty(HTMLElement.prototype, 'requestFullscreen')
  }
}
