// Imported first by the link pages, so its hooks are in place before any console code is
// evaluated: the page's fetch, WebSocket and noVNC's canvas flips are timed from the outside,
// the same way for bare noVNC and for ours.
import type { LinkMarks } from './LinkMarks.ts'
import { MARKER, PROBE } from './marker.ts'

/** The marks of this page load, also on `window.linkMarks` for the runner. */
export const pageMarks: LinkMarks = {}
window.linkMarks = pageMarks

const now = () => performance.now()

const nativeFetch = window.fetch.bind(window)
window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
  const url = new URL(input instanceof Request ? input.url : String(input), location.href)
  const credential = /\/api$|\/consoles$/.test(url.pathname)
  if (!credential || pageMarks.requestSent !== undefined) return nativeFetch(input, init)
  pageMarks.requestSent = now()
  return nativeFetch(input, init).then((response) => {
    pageMarks.requestAnswered = now()
    return response
  })
}

// A Proxy, not a subclass: noVNC checks that the socket's own prototype has WebSocket's members.
const NativeWebSocket = window.WebSocket
window.WebSocket = new Proxy(NativeWebSocket, {
  construct(target, args: ConstructorParameters<typeof WebSocket>) {
    const socket = new target(...args)
    if (pageMarks.socketCreated === undefined) {
      pageMarks.socketCreated = now()
      // Listeners, not handlers: noVNC sets onmessage itself.
      socket.addEventListener('open', () => (pageMarks.socketOpen ??= now()), { once: true })
      socket.addEventListener('message', () => (pageMarks.greeting ??= now()), { once: true })
    }
    return socket
  },
})

window.addEventListener('error', (event) => (pageMarks.error ??= String(event.message)))
window.addEventListener('unhandledrejection', (event) => {
  pageMarks.error ??= String(event.reason)
})

// noVNC copies its back buffer onto the visible canvas with drawImage at the end of each update;
// the first copy that shows the marker is the first frame (see main.tsx).
const drawImage = CanvasRenderingContext2D.prototype.drawImage
const probeCanvas = document.createElement('canvas')
probeCanvas.width = probeCanvas.height = 1
const probe = probeCanvas.getContext('2d', { willReadFrequently: true }) as CanvasRenderingContext2D
CanvasRenderingContext2D.prototype.drawImage = function (
  this: CanvasRenderingContext2D,
  ...args: unknown[]
) {
  Reflect.apply(drawImage, this, args)
  const source = args[0]
  if (pageMarks.frame !== undefined || !(source instanceof HTMLCanvasElement)) return
  if (this === probe) return
  const at = now()
  probe.clearRect(0, 0, 1, 1)
  Reflect.apply(drawImage, probe, [this.canvas, PROBE.x, PROBE.y, 1, 1, 0, 0, 1, 1])
  const [r, g, b, a] = probe.getImageData(0, 0, 1, 1).data
  if (a !== 255 || ((r ?? 0) << 16) + ((g ?? 0) << 8) + (b ?? 0) !== MARKER.rgb) return
  pageMarks.frame = at
  const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
    (entry) => /\.js(\?|$)/.test(entry.name) && entry.responseEnd <= at,
  )
  pageMarks.codeLoaded = Math.max(0, ...scripts.map((entry) => entry.responseEnd))
  const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[]
  pageMarks.protocol = navigation?.nextHopProtocol
} as typeof drawImage
