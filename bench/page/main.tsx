// The bench page: mounts consoles on request of the runner (bench/run.ts) and measures them in
// the page's own clock. The same instrumentation serves every kind of console, so bare noVNC and
// ours are timed the same way.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { Profiler, StrictMode, useEffect, type ReactNode } from 'react'
import { flushSync } from 'react-dom'
import { createRoot, type Root } from 'react-dom/client'
import {
  buildCloudTowerVncUrl,
  CloudTowerConsole,
  ConsoleViewer,
  fetchCloudTowerVnc,
  preloadConsole,
} from 'react-vm-console'
import { VIEW_DEFAULTS } from '../../src/react/session/viewDefaults.js'
import type {
  BenchApi,
  ChurnResult,
  MountResult,
  MountSpec,
  PageCounters,
  ReconnectSample,
  StartVmSample,
} from './BenchApi.ts'
import { MARKER, PROBE } from './marker.ts'
import { takeRfbClass } from './takeRfbClass.tsx'

// --- Instrumentation, installed before any console exists -------------------------------------

const nativeFetch = window.fetch.bind(window)
const NativeWebSocket = window.WebSocket
let socketsCreated = 0
let apiFetches = 0
let commits = 0
let longTasks = 0
let lastSocketUrl = ''
let lastSocketAt = 0
let lastFetchStart = 0
let lastFetchEnd = 0
const openSockets = new Set<WebSocket>()
const closeWaiters = new Set<(at: number) => void>()

// Counts the console sockets whoever opens them (noVNC looks up `WebSocket` when it connects).
// A Proxy, not a subclass: noVNC checks that the socket's own prototype has WebSocket's members.
window.WebSocket = new Proxy(NativeWebSocket, {
  construct(target, args: ConstructorParameters<typeof WebSocket>) {
    const socket = new target(...args)
    if (!String(args[0]).includes('/websockify')) return socket
    socketsCreated++
    lastSocketUrl = String(args[0])
    lastSocketAt = performance.now()
    openSockets.add(socket)
    socket.addEventListener('close', () => {
      openSockets.delete(socket)
      const at = performance.now()
      for (const waiter of closeWaiters) waiter(at)
      closeWaiters.clear()
    })
    return socket
  },
})

// Counts credential requests made by the code under test; the harness uses `nativeFetch`.
window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
  const url = input instanceof Request ? input.url : String(input)
  if (!url.includes('/api')) return nativeFetch(input, init)
  apiFetches++
  lastFetchStart = performance.now()
  return nativeFetch(input, init).then((response) => {
    lastFetchEnd = performance.now()
    return response
  })
}

new PerformanceObserver((list) => {
  longTasks += list.getEntries().length
}).observe({ type: 'longtask' })

// noVNC draws into a back buffer and copies it onto the visible canvas with drawImage at the end
// of each FramebufferUpdate ("flip"). Hooking that copy times frames to the microsecond, the same
// way for every kind of console, where rAF polling would round to 16 ms.
const context2d = CanvasRenderingContext2D.prototype
const drawImage = context2d.drawImage
context2d.drawImage = function (this: CanvasRenderingContext2D, ...args: unknown[]) {
  Reflect.apply(drawImage, this, args)
  if (args[0] instanceof HTMLCanvasElement) onFlip(this, performance.now())
} as typeof drawImage

const probeCanvas = document.createElement('canvas')
probeCanvas.width = probeCanvas.height = 1
const probe = probeCanvas.getContext('2d', { willReadFrequently: true }) as CanvasRenderingContext2D

function onFlip(context: CanvasRenderingContext2D, at: number): void {
  const canvas = context.canvas
  const element = canvas.closest<HTMLElement>('[data-bench-slot]')
  const slot = element ? slots.get(Number(element.dataset.benchSlot)) : undefined
  if (!slot) return
  slot.frames++
  const waiters = slot.waiters.filter((waiter) => waiter.exclude !== canvas)
  if (waiters.length === 0) return
  // The first flips carry an empty (transparent) screen; a frame from the server has the marker.
  // Read through a scratch canvas: readbacks of noVNC's own would make Chromium log warnings.
  probe.clearRect(0, 0, 1, 1)
  Reflect.apply(drawImage, probe, [canvas, PROBE.x, PROBE.y, 1, 1, 0, 0, 1, 1])
  const [r, g, b, a] = probe.getImageData(0, 0, 1, 1).data
  if (a !== 255) return
  const marked = ((r ?? 0) << 16) + ((g ?? 0) << 8) + (b ?? 0) === MARKER.rgb
  const done = waiters.filter((waiter) => marked || waiter.anyScreen)
  for (const waiter of done) waiter.resolve(at)
  slot.waiters = slot.waiters.filter((waiter) => !done.includes(waiter))
}

// --- Bare noVNC: react-vnc's bundled RFB class ---------------------------------------------------

const importReactVnc = () => import('react-vnc')
type VncScreenComponent = Awaited<ReturnType<typeof importReactVnc>>['VncScreen']
type NoVncClass = ReturnType<typeof takeRfbClass>
type NoVnc = InstanceType<NoVncClass>
let VncScreen: VncScreenComponent | undefined
let RFB: NoVncClass | undefined
let preloading: Promise<number> | undefined

function preload(): Promise<number> {
  const start = performance.now()
  // Our lazy viewer chunk too: warm variants start with all code loaded, as bare noVNC does.
  preloading ??= Promise.all([importReactVnc(), preloadConsole()]).then(([module]) => {
    const ms = performance.now() - start
    VncScreen = module.VncScreen
    RFB = takeRfbClass(module.VncScreen)
    return ms
  })
  return preloading
}

// --- Consoles ------------------------------------------------------------------------------------

interface FrameWaiter {
  exclude: HTMLCanvasElement | null
  /** Any frame from the server will do, marker or not (a VM that just booted repaints it all). */
  anyScreen?: boolean
  resolve(at: number): void
}

interface Slot {
  id: number
  spec: MountSpec
  element: HTMLDivElement
  root: Root | null
  rfb: NoVnc | null
  frames: number
  waiters: FrameWaiter[]
}

const slots = new Map<number, Slot>()
let nextId = 1
let config = { endpoint: '/tower', token: '' }
const queryClient = new QueryClient()
const stage = document.getElementById('stage') as HTMLDivElement
const getUrls = new Map<string, (signal: AbortSignal) => Promise<string>>()

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** A fresh one-time URL for `vmId`, the way CloudTowerConsole makes one (proxy link). */
async function freshUrl(vmId: string, fetch = nativeFetch, signal?: AbortSignal) {
  const { endpoint, token } = config
  const vnc = await fetchCloudTowerVnc({ endpoint, token, vmId, fetch, signal })
  return buildCloudTowerVncUrl(vnc, { mode: 'proxy', endpoint })
}

function nextFrame(
  slot: Slot,
  exclude: HTMLCanvasElement | null,
  timeoutMs = 15_000,
  anyScreen = false,
) {
  return new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      const state = slot.element.firstElementChild?.getAttribute('data-state') ?? 'bare'
      reject(new Error(`no frame within ${timeoutMs} ms (${slot.spec.kind}, state ${state})`))
    }, timeoutMs)
    slot.waiters.push({
      exclude,
      anyScreen,
      resolve(at) {
        clearTimeout(timer)
        resolve(at)
      },
    })
  })
}

function consoleNode(spec: MountSpec, url: string): ReactNode {
  const style = { width: '100%', height: '100%' }
  const { reconnect } = spec
  switch (spec.kind) {
    case 'viewer':
      return <ConsoleViewer url={url} reconnect={reconnect} style={style} />
    case 'viewer-geturl': {
      // Stable per VM, as an app's useCallback would be.
      let getUrl = getUrls.get(spec.vmId)
      if (!getUrl) {
        getUrl = (signal) => freshUrl(spec.vmId, window.fetch, signal)
        getUrls.set(spec.vmId, getUrl)
      }
      return <ConsoleViewer getUrl={getUrl} reconnect={reconnect} style={style} />
    }
    case 'cloudtower':
      return (
        <CloudTowerConsole
          endpoint={config.endpoint}
          token={config.token}
          vmId={spec.vmId}
          reconnect={reconnect}
          style={style}
        />
      )
    case 'vncscreen': {
      if (!VncScreen) throw new Error('react-vnc is not loaded')
      // onDisconnect stops react-vnc's own endless retry with the spent URL.
      return <VncScreen url={url} onDisconnect={() => {}} style={style} />
    }
    case 'bare':
      throw new Error('bare noVNC has no React node')
  }
}

function wrap(spec: MountSpec, node: ReactNode): ReactNode {
  const profiled = spec.profile ? (
    <Profiler id="console" onRender={() => void commits++}>
      {node}
    </Profiler>
  ) : (
    node
  )
  const app = <QueryClientProvider client={queryClient}>{profiled}</QueryClientProvider>
  return spec.strict ? <StrictMode>{app}</StrictMode> : app
}

async function mount(spec: MountSpec, parent: HTMLElement = stage): Promise<MountResult> {
  const id = nextId++
  const element = document.createElement('div')
  element.dataset.benchSlot = String(id)
  element.style.width = `${spec.width}px`
  element.style.height = `${spec.height}px`
  parent.append(element)
  const slot: Slot = { id, spec, element, root: null, rfb: null, frames: 0, waiters: [] }
  slots.set(id, slot)

  // Ready URLs and the RFB class come before the clock starts: an app would have them already.
  let url = ''
  let urlFetchMs: number | null = null
  if (spec.kind === 'bare' || spec.kind === 'viewer' || spec.kind === 'vncscreen') {
    const start = performance.now()
    url = await freshUrl(spec.vmId)
    urlFetchMs = performance.now() - start
  }
  if (spec.kind === 'bare' || spec.kind === 'vncscreen') await preload()
  if (spec.kind !== 'bare') slot.root = createRoot(element)

  const frame = spec.waitFrame === false ? null : nextFrame(slot, null)
  const start = performance.now()
  if (spec.kind === 'bare') {
    if (!RFB) throw new Error('RFB is not loaded')
    slot.rfb = Object.assign(new RFB(element, url, { wsProtocols: ['binary'] }), VIEW_DEFAULTS)
  } else {
    slot.root?.render(wrap(spec, consoleNode(spec, url)))
  }
  const none = { socketMs: null, fetchStartMs: null, fetchEndMs: null }
  if (!frame) return { id, firstFrameMs: null, urlFetchMs, ...none }
  const at = await frame
  const since = (time: number) => (time >= start ? time - start : null)
  return {
    id,
    firstFrameMs: at - start,
    urlFetchMs,
    socketMs: since(lastSocketAt),
    fetchStartMs: since(lastFetchStart),
    fetchEndMs: since(lastFetchEnd),
  }
}

async function unmount(id: number): Promise<void> {
  const slot = slots.get(id)
  if (!slot) return
  slots.delete(id)
  slot.waiters = []
  slot.rfb?.disconnect()
  slot.root?.unmount()
  slot.element.remove()
}

const api: BenchApi = {
  setup(value) {
    config = { ...value }
  },
  preload,
  loaded: () => RFB !== undefined,
  async apiRoundTrip(vmId) {
    const start = performance.now()
    await freshUrl(vmId)
    return performance.now() - start
  },
  mount: (spec) => mount(spec),
  async mountGrid(specs, columns) {
    const grid = document.createElement('div')
    grid.className = 'grid'
    grid.style.gridTemplateColumns = `repeat(${columns}, max-content)`
    stage.append(grid)
    return Promise.all(specs.map((spec) => mount(spec, grid)))
  },
  unmount,
  async unmountAll() {
    for (const id of [...slots.keys()]) await unmount(id)
    stage.replaceChildren()
  },
  counters: (): PageCounters => ({
    socketsCreated,
    socketsOpen: openSockets.size,
    apiFetches,
    commits,
    longTasks,
  }),
  resetCounters() {
    commits = 0
    longTasks = 0
    for (const slot of slots.values()) slot.frames = 0
  },
  frames: () => [...slots.values()].map((slot) => slot.frames),
  focus(id) {
    const canvas = slots.get(id)?.element.querySelector('canvas')
    canvas?.focus({ preventScroll: true })
    return canvas != null && document.activeElement === canvas
  },
  async startVm(id): Promise<StartVmSample> {
    const slot = slots.get(id)
    if (!slot) throw new Error(`no console ${id}`)
    const startButton = () =>
      [...slot.element.querySelectorAll('button')].find((b) => b.textContent === 'Start VM')
    const root = () => slot.element.querySelector('[data-state]')
    const waitUntil = async (what: string, check: () => boolean, timeoutMs = 30_000) => {
      const deadline = performance.now() + timeoutMs
      while (!check()) {
        if (performance.now() > deadline) throw new Error(`no ${what} within ${timeoutMs} ms`)
        await new Promise((resolve) => requestAnimationFrame(resolve))
      }
      return performance.now()
    }
    await waitUntil('Start VM button', () => startButton() !== undefined).catch((error: Error) => {
      const state = root()?.getAttribute('data-state')
      const vm = root()?.getAttribute('data-vm-state')
      throw new Error(`${error.message} (state ${state}, VM ${vm})`)
    })
    const frame = nextFrame(slot, null, 30_000, true)
    const start = performance.now()
    startButton()?.click()
    // rAF polling: connectedMs is rounded up to the next frame (≤ 16 ms); frameMs is exact.
    const connectedAt = await waitUntil('connected', () => {
      return root()?.getAttribute('data-state') === 'connected'
    })
    const frameAt = await frame
    return { connectedMs: connectedAt - start, frameMs: frameAt - start }
  },
  async reconnectOnce(id): Promise<ReconnectSample> {
    const slot = slots.get(id)
    if (!slot) throw new Error(`no console ${id}`)
    const urlBefore = lastSocketUrl
    const frame = nextFrame(slot, slot.element.querySelector('canvas'))
    const closed = new Promise<number>((resolve) => closeWaiters.add(resolve))
    const start = performance.now()
    const response = await nativeFetch('/__fake/faults', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ dropConnections: true }),
    })
    if (!response.ok) throw new Error(`faults: HTTP ${response.status}`)
    const closedAt = await closed
    const frameAt = await frame
    return {
      closeMs: closedAt - start,
      frameMs: frameAt - start,
      freshUrl: lastSocketUrl !== urlBefore,
    }
  },
  async churn(spec, cycles): Promise<ChurnResult> {
    const before = socketsCreated
    for (let i = 0; i < cycles; i++) {
      // Every other console is unmounted early: during its fetch, the chunk load or the handshake.
      const waitFrame = i % 2 === 0
      const { id } = await mount({ ...spec, waitFrame })
      if (!waitFrame) await sleep((i % 7) * 3)
      await unmount(id)
    }
    await sleep(500)
    return {
      cycles,
      socketsCreated: socketsCreated - before,
      socketsOpenAfter: openSockets.size,
      canvasesLeft: document.querySelectorAll('canvas').length,
      queriesLeft: queryClient.getQueryCache().getAll().length,
    }
  },
  async strictEffectRuns() {
    let runs = 0
    function Probe() {
      useEffect(() => void runs++, [])
      return null
    }
    const host = document.createElement('div')
    const probeRoot = createRoot(host)
    flushSync(() =>
      probeRoot.render(
        <StrictMode>
          <Probe />
        </StrictMode>,
      ),
    )
    await sleep(50)
    probeRoot.unmount()
    return runs
  },
  gc() {
    window.gc?.()
  },
}

window.bench = api
