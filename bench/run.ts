// `npm run bench`: react-vm-console against bare noVNC in headless Chromium and the local fake
// cloud. A benchmark, not a test: it prints a table and writes bench-results/latest.json; goals
// that are missed are reported, not failed. Counts come from the environment (see CONFIG).
//
// One Node process holds the fake cloud (CloudTower API, relay, one RFB server per VM), the Vite
// servers that serve the bench page and proxy /tower and /__fake to the cloud (same origin, as a
// portal's reverse proxy would), and Playwright. Chromium is a second process.
import { mkdir, writeFile } from 'node:fs/promises'
import os from 'node:os'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core'
import { build, createLogger, createServer, preview, type ProxyOptions } from 'vite'
import { defaultInventory } from '../fake-cloud/defaultInventory.ts'
import type { RfbServer } from '../fake-cloud/rfb/RfbServer.ts'
import { startFakeCloud } from '../fake-cloud/startFakeCloud.ts'
import type { FakeCloudHandle, FakeCloudInventory } from '../fake-cloud/types.ts'
import { describeMachine, machineLine, type Machine } from './lib/describeMachine.ts'
import { Disposer } from './lib/Disposer.ts'
import { summarize, type Summary } from './lib/summarize.ts'
import type { BenchApi, ConsoleKind, MountSpec } from './page/BenchApi.ts'
import { MARKER } from './page/marker.ts'

const here = dirname(fileURLToPath(import.meta.url))
const root = resolve(here, '..')

const quick = process.env.BENCH_QUICK === '1'
const count = (name: string, full: number, short: number) => {
  const value = Number(process.env[name] ?? (quick ? short : full))
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number ≥ 1`)
  return value
}
const CONFIG = {
  /** First-frame samples per variant (each on a freshly loaded page). */
  reps: count('BENCH_REPS', 20, 3),
  /** Key presses per variant for input latency. */
  keys: count('BENCH_KEYS', 60, 10),
  reconnects: count('BENCH_RECONNECTS', 7, 2),
  reconnectDelayMs: count('BENCH_RECONNECT_DELAY_MS', 100, 100),
  cycles: count('BENCH_CYCLES', 200, 20),
  /**
   * Mount/unmount cycles before the heap is first read: enough to fill the browser's bounded
   * buffers (250 resource timings, 150 layout shifts) and let the JIT settle, so "before" is a
   * page in its steady state and growth after it is the page's own.
   */
  warmup: count('BENCH_WARMUP', 150, 20),
  grid: count('BENCH_GRID', 16, 16),
  gridReps: count('BENCH_GRID_REPS', 2, 1),
  /** How long screens animate for the frame-rate and commit measurements. */
  seconds: count('BENCH_SECONDS', 5, 2),
  strictMounts: count('BENCH_STRICT_MOUNTS', 5, 2),
  /** The whole run gives up (and cleans up) after this long. */
  timeoutMs: count('BENCH_TIMEOUT_MS', 15 * 60_000, 5 * 60_000),
  out: resolve(root, process.env.BENCH_OUT ?? 'bench-results/latest.json'),
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
// --expose-gc: heap comparisons after a full collection, from the page as well as over CDP.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--js-flags=--expose-gc',
]
const FIRST_FRAME_SIZE = { width: 640, height: 480 }
const GRID_CELL = { width: 240, height: 180 }
const GRID_COLUMNS = 4
const ANIMATION_FPS = 60
const KEY_A = 0x61

// --- Page calls -----------------------------------------------------------------------------------

type Api = { [K in keyof BenchApi]: BenchApi[K] }

/** Calls `window.bench[name](...args)` in the page. */
async function call<K extends keyof Api>(
  page: Page,
  name: K,
  ...args: Parameters<Api[K]>
): Promise<Awaited<ReturnType<Api[K]>>> {
  const result = await page.evaluate(
    ({ name, args }) => {
      const api = window.bench
      if (!api) throw new Error('the bench page is not ready')
      const fn = api[name] as (...values: unknown[]) => unknown
      return fn.apply(api, args)
    },
    { name, args: args as unknown[] },
  )
  return result as Awaited<ReturnType<Api[K]>>
}

async function openPage(page: Page, url: string, token: string): Promise<void> {
  await page.goto(url)
  await page.waitForFunction(() => window.bench !== undefined)
  await call(page, 'setup', { endpoint: '/tower', token })
}

// --- Fake cloud -------------------------------------------------------------------------------

/** The default inventory plus one VM per grid cell, each with its own built-in RFB server. */
function benchInventory(vms: number): { inventory: FakeCloudInventory; ids: string[] } {
  const inventory = defaultInventory()
  const ids: string[] = []
  for (let i = 1; i <= vms; i++) {
    const id = `bench-vm-${String(i).padStart(2, '0')}`
    ids.push(id)
    inventory.cloudTower.vms.push({
      id,
      uuid: `b0000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      name: id,
      status: 'RUNNING',
      hostIp: `192.168.6.${i}`,
      vnc: '127.0.0.1:5900',
    })
  }
  return { inventory, ids }
}

/** Repaints a square on every server ~60 times a second until stopped (the screen "changes"). */
function animate(servers: readonly RfbServer[]): () => void {
  let frame = 0
  const timer = setInterval(() => {
    frame++
    const color = (frame * 0x10305) & 0xffffff
    for (const server of servers) server.framebuffer.fillRect(40, 100, 48, 48, color)
  }, 1000 / ANIMATION_FPS)
  return () => clearInterval(timer)
}

/** Resolves with performance.now() when `server` receives this key (KeyEvent or QEMU key event). */
function nextKey(server: RfbServer, keysym: number, down: boolean, timeoutMs = 5000) {
  return new Promise<number>((resolveKey, reject) => {
    const timer = setTimeout(() => {
      server.off('key', onKey)
      reject(new Error(`the VNC server got no key within ${timeoutMs} ms`))
    }, timeoutMs)
    // Emitted synchronously where the server parses the message: the moment it receives the key.
    const onKey = (key: { keysym: number; down: boolean }) => {
      if (key.keysym !== keysym || key.down !== down) return
      const at = performance.now()
      clearTimeout(timer)
      server.off('key', onKey)
      resolveKey(at)
    }
    server.on('key', onKey)
  })
}

const sleep = (ms: number) => new Promise<void>((resolveSleep) => setTimeout(resolveSleep, ms))

/** `items` rotated by `by`, so interleaved variants take turns at going first. */
const rotate = <T>(items: readonly T[], by: number): T[] =>
  items.map((_, i) => items[(((i + by) % items.length) + items.length) % items.length] as T)

async function heapUsed(page: Page, cdp: CDPSession): Promise<number> {
  for (let i = 0; i < 3; i++) {
    await call(page, 'gc')
    await cdp.send('HeapProfiler.collectGarbage')
  }
  const { usedSize } = await cdp.send('Runtime.getHeapUsage')
  return usedSize
}

/**
 * Console-sized objects alive after a full GC, from a heap snapshot (native names survive
 * minifying), and the bytes of DevTools' network log: the bench's own CDP connection keeps a record
 * per request there, which no user's page has.
 */
async function liveObjects(
  cdp: CDPSession,
): Promise<Record<'canvases' | 'sockets' | 'resizeObservers' | 'devtoolsBytes', number>> {
  await cdp.send('HeapProfiler.collectGarbage')
  let json = ''
  const onChunk = ({ chunk }: { chunk: string }) => void (json += chunk)
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk)
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false })
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk)
  const snapshot = JSON.parse(json) as {
    snapshot: { meta: { node_fields: string[] } }
    nodes: number[]
    strings: string[]
  }
  const fields = snapshot.snapshot.meta.node_fields
  const nameField = fields.indexOf('name')
  const sizeField = fields.indexOf('self_size')
  const counts = { canvases: 0, sockets: 0, resizeObservers: 0, devtoolsBytes: 0 }
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
    const name = snapshot.strings[snapshot.nodes[i + nameField] ?? 0]?.replace(/^Detached /, '')
    if (name === 'HTMLCanvasElement') counts.canvases++
    else if (name === 'WebSocket') counts.sockets++
    else if (name === 'ResizeObserver') counts.resizeObservers++
    else if (name?.startsWith('blink::NetworkResourcesData')) {
      counts.devtoolsBytes += snapshot.nodes[i + sizeField] ?? 0
    }
  }
  return counts
}

async function taskSeconds(cdp: CDPSession): Promise<{ task: number; at: number }> {
  const { metrics } = await cdp.send('Performance.getMetrics')
  const value = (name: string) => metrics.find((metric) => metric.name === name)?.value ?? NaN
  return { task: value('TaskDuration'), at: value('Timestamp') }
}

// --- Scenarios --------------------------------------------------------------------------------

interface Env {
  cloud: FakeCloudHandle
  browser: Browser
  prodUrl: string
  devUrl: string
  token: string
  vmIds: string[]
  vm: string
  server: RfbServer
  pageErrors: string[]
  /** The scenario running now, to label page errors. */
  phase: string
}

async function newPage(env: Env): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 800 } })
  page.on('pageerror', (error) => env.pageErrors.push(`${env.phase}: ${String(error)}`))
  page.on('console', (message) => {
    if (message.type() === 'error') env.pageErrors.push(`${env.phase}: ${message.text()}`)
  })
  const cdp = await page.context().newCDPSession(page)
  return { page, cdp }
}

type FirstFrameVariant = 'bare' | 'viewer' | 'cloudtowerCold' | 'cloudtowerWarm'

async function firstFrame(env: Env) {
  const { page } = await newPage(env)
  const variants: FirstFrameVariant[] = ['bare', 'viewer', 'cloudtowerCold', 'cloudtowerWarm']
  const kinds: Record<FirstFrameVariant, ConsoleKind> = {
    bare: 'bare',
    viewer: 'viewer',
    cloudtowerCold: 'cloudtower',
    cloudtowerWarm: 'cloudtower',
  }
  const samples: Record<FirstFrameVariant, number[]> = {
    bare: [],
    viewer: [],
    cloudtowerCold: [],
    cloudtowerWarm: [],
  }
  const socket: Record<FirstFrameVariant, number[]> = {
    bare: [],
    viewer: [],
    cloudtowerCold: [],
    cloudtowerWarm: [],
  }
  // The cold CloudTowerConsole's timeline: its credential request sent and answered (ms).
  const fetchStart: number[] = []
  const fetchEnd: number[] = []
  const roundTrip: number[] = []
  // import('react-vnc') on a fresh page: what a cold CloudTowerConsole loads beside its fetch.
  const chunk: number[] = []
  // Rep -1 warms up the servers, the HTTP cache and the JIT, and is not recorded.
  for (let rep = -1; rep < CONFIG.reps; rep++) {
    for (const variant of rotate(variants, rep)) {
      // A fresh page each time: no warm JIT or sockets from the previous sample, and a real
      // lazy chunk load for the cold variant (served from the browser cache after the first).
      await openPage(page, env.prodUrl, env.token)
      if (variant !== 'cloudtowerCold') {
        const ms = await call(page, 'preload')
        if (rep >= 0) chunk.push(ms)
      } else if (await call(page, 'loaded')) throw new Error('react-vnc loaded before a cold mount')
      const spec: MountSpec = { kind: kinds[variant], vmId: env.vm, ...FIRST_FRAME_SIZE }
      const result = await call(page, 'mount', spec)
      if (rep < 0) continue
      samples[variant].push(result.firstFrameMs ?? NaN)
      socket[variant].push(result.socketMs ?? NaN)
      if (variant === 'cloudtowerCold') {
        fetchStart.push(result.fetchStartMs ?? NaN)
        fetchEnd.push(result.fetchEndMs ?? NaN)
      }
      // The ready URL's fetch is the first API call of a fresh page, like the console's own.
      if (result.urlFetchMs !== null) roundTrip.push(result.urlFetchMs)
    }
  }
  await page.close()
  return { samples, socket, fetchStart, fetchEnd, roundTrip, chunk }
}

async function inputLatency(env: Env) {
  const { page } = await newPage(env)
  await openPage(page, env.prodUrl, env.token)
  await call(page, 'preload')
  const samples: Record<'bare' | 'cloudtower', number[]> = { bare: [], cloudtower: [] }
  const perRound = Math.min(10, CONFIG.keys)
  const rounds = Math.ceil(CONFIG.keys / perRound)
  for (let round = 0; round < rounds * 2; round++) {
    const kind = round % 2 === Math.floor(round / 2) % 2 ? 'bare' : 'cloudtower'
    const { id } = await call(page, 'mount', { kind, vmId: env.vm, ...FIRST_FRAME_SIZE })
    if (!(await call(page, 'focus', id))) throw new Error(`${kind}: the canvas took no focus`)
    for (let i = 0; i < perRound && samples[kind].length < CONFIG.keys; i++) {
      const received = nextKey(env.server, KEY_A, true)
      const start = performance.now()
      await page.keyboard.down('a')
      samples[kind].push((await received) - start)
      const released = nextKey(env.server, KEY_A, false)
      await page.keyboard.up('a')
      await released
      await sleep(20)
    }
    await call(page, 'unmount', id)
  }
  await page.close()
  return samples
}

async function reconnect(env: Env) {
  const { page } = await newPage(env)
  await openPage(page, env.prodUrl, env.token)
  const policy = { baseDelayMs: CONFIG.reconnectDelayMs, jitter: 0, maxAttempts: 5 }
  const { id } = await call(page, 'mount', {
    kind: 'cloudtower',
    vmId: env.vm,
    ...FIRST_FRAME_SIZE,
    reconnect: policy,
  })
  const tokensBefore = env.cloud.stats.issuedTokens
  const close: number[] = []
  const frame: number[] = []
  const beyondDelay: number[] = []
  let fresh = 0
  for (let i = 0; i < CONFIG.reconnects; i++) {
    await sleep(300)
    const sample = await call(page, 'reconnectOnce', id)
    close.push(sample.closeMs)
    frame.push(sample.frameMs)
    beyondDelay.push(sample.frameMs - sample.closeMs - policy.baseDelayMs)
    if (sample.freshUrl) fresh++
  }
  const tokens = env.cloud.stats.issuedTokens - tokensBefore
  await page.close()
  return { policy, close, frame, beyondDelay, freshUrls: fresh, tokens }
}

interface GridRun {
  kind: 'bare' | 'cloudtower'
  connected: number
  allPaintedMs: number
  fps: number[]
  busyPercent: number
  longTasks: number
}

async function grid(env: Env): Promise<GridRun[]> {
  const runs: GridRun[] = []
  const servers = env.vmIds.map((id) => env.cloud.vncServers.get(id) as RfbServer)
  for (let rep = 0; rep < CONFIG.gridReps; rep++) {
    for (const kind of rotate(['bare', 'cloudtower'] as const, rep)) {
      const { page, cdp } = await newPage(env)
      await cdp.send('Performance.enable')
      await openPage(page, env.prodUrl, env.token)
      await call(page, 'preload')
      const specs = env.vmIds.map((vmId): MountSpec => ({ kind, vmId, ...GRID_CELL }))
      const start = performance.now()
      const mounted = await call(page, 'mountGrid', specs, GRID_COLUMNS)
      const allPaintedMs = performance.now() - start
      await sleep(500)
      await call(page, 'resetCounters')
      const before = await taskSeconds(cdp)
      const stop = animate(servers)
      await sleep(CONFIG.seconds * 1000)
      const frames = await call(page, 'frames')
      const after = await taskSeconds(cdp)
      stop()
      const { longTasks } = await call(page, 'counters')
      const elapsed = after.at - before.at
      runs.push({
        kind,
        connected: mounted.filter((result) => result.firstFrameMs !== null).length,
        allPaintedMs,
        fps: frames.map((n) => n / elapsed),
        busyPercent: ((after.task - before.task) / elapsed) * 100,
        longTasks,
      })
      await page.close()
    }
  }
  return runs
}

interface ChurnStats {
  /** Used JS heap after a full GC: after the warm-up, half-way, and after all cycles (bytes). */
  heapBefore: number
  heapHalf: number
  heapAfter: number
  socketsCreated: number
  socketsOpenAfter: number
  canvasesLeft: number
  queriesLeft: number
  /** Canvases, WebSockets and ResizeObservers (noVNC makes one each per console) alive after GC. */
  liveBefore: Awaited<ReturnType<typeof liveObjects>>
  liveHalf: Awaited<ReturnType<typeof liveObjects>>
  liveAfter: Awaited<ReturnType<typeof liveObjects>>
  serverSessionsAfter: number
  relaysAfter: number
}

type ChurnKind = 'bare' | 'viewer' | 'cloudtower'

async function churnOne(env: Env, kind: ChurnKind): Promise<ChurnStats> {
  const { page, cdp } = await newPage(env)
  await openPage(page, env.prodUrl, env.token)
  await call(page, 'preload')
  const spec: MountSpec = { kind, vmId: env.vm, ...FIRST_FRAME_SIZE }
  // Warm-up: code loaded, JIT, caches and browser buffers settled (see CONFIG.warmup).
  await call(page, 'churn', spec, CONFIG.warmup)
  const liveBefore = await liveObjects(cdp)
  const heapBefore = await heapUsed(page, cdp)
  const half = Math.floor(CONFIG.cycles / 2)
  const first = await call(page, 'churn', spec, half)
  const heapHalf = await heapUsed(page, cdp)
  const liveHalf = await liveObjects(cdp)
  const second = await call(page, 'churn', spec, CONFIG.cycles - half)
  await sleep(500)
  const heapAfter = await heapUsed(page, cdp)
  const liveAfter = await liveObjects(cdp)
  // Read before the page closes, which would close anything left open.
  const stats: ChurnStats = {
    heapBefore,
    heapHalf,
    heapAfter,
    socketsCreated: first.socketsCreated + second.socketsCreated,
    socketsOpenAfter: second.socketsOpenAfter,
    canvasesLeft: second.canvasesLeft,
    queriesLeft: second.queriesLeft,
    liveBefore,
    liveHalf,
    liveAfter,
    serverSessionsAfter: env.server.sessions.length,
    relaysAfter: env.cloud.stats.activeRelays,
  }
  await page.close()
  return stats
}

async function churn(env: Env): Promise<Record<ChurnKind, ChurnStats>> {
  // ConsoleViewer with ready URLs separates the viewer from the credential layer above it.
  return {
    bare: await churnOne(env, 'bare'),
    viewer: await churnOne(env, 'viewer'),
    cloudtower: await churnOne(env, 'cloudtower'),
  }
}

type StrictKind = 'cloudtower' | 'viewer-geturl' | 'vncscreen'

async function strictCounts(env: Env) {
  const { page } = await newPage(env)
  await openPage(page, env.devUrl, env.token)
  await call(page, 'preload')
  const effectRuns = await call(page, 'strictEffectRuns')
  if (effectRuns !== 2) throw new Error(`StrictMode ran a mount effect ${effectRuns}× (expected 2)`)
  const kinds: StrictKind[] = ['cloudtower', 'viewer-geturl', 'vncscreen']
  const out = {} as Record<
    StrictKind,
    { sockets: number[]; fetches: number[]; tokens: number[]; upgrades: number[]; painted: number }
  >
  for (const kind of kinds) {
    const row = { sockets: [] as number[], fetches: [] as number[], tokens: [] as number[] }
    const upgrades: number[] = []
    let painted = 0
    for (let i = 0; i < CONFIG.strictMounts; i++) {
      const pageBefore = await call(page, 'counters')
      const { issuedTokens, totalRelays } = env.cloud.stats
      // react-vnc alone may never paint (its second socket finds the token spent): do not wait.
      const waitFrame = kind !== 'vncscreen'
      const { id } = await call(page, 'mount', {
        kind,
        vmId: env.vm,
        ...FIRST_FRAME_SIZE,
        strict: true,
        waitFrame,
      })
      await sleep(waitFrame ? 700 : 1500) // any second socket or fetch would have started by now
      const pageAfter = await call(page, 'counters')
      if (((await call(page, 'frames'))[0] ?? 0) > 0) painted++
      row.sockets.push(pageAfter.socketsCreated - pageBefore.socketsCreated)
      row.fetches.push(pageAfter.apiFetches - pageBefore.apiFetches)
      row.tokens.push(env.cloud.stats.issuedTokens - issuedTokens)
      upgrades.push(env.cloud.stats.totalRelays - totalRelays)
      await call(page, 'unmount', id)
      await sleep(200)
    }
    out[kind] = { ...row, upgrades, painted }
  }
  await page.close()
  return { effectRuns, ...out }
}

async function commitsWhileAnimating(env: Env) {
  const { page } = await newPage(env)
  await openPage(page, env.devUrl, env.token)
  await call(page, 'resetCounters')
  await call(page, 'mount', {
    kind: 'cloudtower',
    vmId: env.vm,
    ...FIRST_FRAME_SIZE,
    strict: true,
    profile: true,
  })
  await sleep(500)
  // Commits while it mounted and connected: proves the Profiler counts (idle → connected).
  const mountCommits = (await call(page, 'counters')).commits
  await call(page, 'resetCounters')
  const stop = animate([env.server])
  const start = performance.now()
  await sleep(CONFIG.seconds * 1000)
  const { commits } = await call(page, 'counters')
  const frames = (await call(page, 'frames'))[0] ?? 0
  const seconds = (performance.now() - start) / 1000
  stop()
  await page.close()
  return {
    commitsPerSecond: commits / seconds,
    framesPerSecond: frames / seconds,
    commits,
    mountCommits,
  }
}

// --- Report ---------------------------------------------------------------------------------------

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '–')
const medP90 = (s: Summary) => `${ms(s.median)} / ${ms(s.p90)}`
const mark = (met: boolean) => (met ? '✅' : '❌')
const all = <T>(values: T[], predicate: (value: T) => boolean) => values.every(predicate)

interface Goal {
  name: string
  goal: string
  measured: string
  met: boolean
}

async function main(): Promise<void> {
  const loadStart = os.loadavg()[0] ?? 0
  const disposer = new Disposer()
  const stopOnSignal = (signal: NodeJS.Signals) => {
    console.error(`\nbench: ${signal}, stopping everything`)
    void disposer.dispose().finally(() => process.exit(130))
  }
  process.once('SIGINT', stopOnSignal)
  process.once('SIGTERM', stopOnSignal)
  const deadline = setTimeout(() => {
    console.error(`bench: gave up after ${CONFIG.timeoutMs} ms`)
    void disposer.dispose().finally(() => process.exit(1))
  }, CONFIG.timeoutMs)
  deadline.unref()

  try {
    const step = (text: string) => console.log(`bench: ${text}`)
    const { inventory, ids } = benchInventory(CONFIG.grid)
    step('starting the fake cloud')
    const cloud = await startFakeCloud({ builtInVnc: true, inventory })
    disposer.add('fake cloud', () => cloud.close())
    for (const id of ids) {
      cloud.vncServers
        .get(id)
        ?.framebuffer.fillRect(MARKER.x, MARKER.y, MARKER.size, MARKER.size, MARKER.rgb)
    }
    const vm = ids[0] as string
    const server = cloud.vncServers.get(vm) as RfbServer
    const admin = cloud.inventory.cloudTower.users.find((user) => user.role === 'ADMIN')
    const token = admin?.sessionToken ?? ''

    const proxy: Record<string, ProxyOptions> = {
      '/tower/api': { target: cloud.url, rewrite: (path) => path.slice('/tower'.length) },
      '/tower/websockify': {
        target: cloud.url,
        ws: true,
        rewrite: (path) => path.slice('/tower'.length),
      },
      '/__fake/': { target: cloud.url },
    }
    const configFile = resolve(here, 'page/vite.config.ts')
    // The proxy reports every socket that a page navigation or a dropped relay cuts off; those
    // are expected here, so they are counted instead of printed.
    let proxyErrors = 0
    const logger = createLogger('warn')
    const logError = logger.error.bind(logger)
    logger.error = (message, options) => {
      if (/ws proxy/.test(message)) proxyErrors++
      else logError(message, options)
    }
    const outDir = resolve(root, 'node_modules/.cache/react-vm-console-bench')
    step('building the bench page (production)')
    await build({ configFile, build: { outDir, emptyOutDir: true } })
    const prod = await preview({
      configFile,
      build: { outDir },
      preview: { host: '127.0.0.1', port: 0, proxy },
      customLogger: logger,
    })
    disposer.add('preview server', () => prod.close())
    // vite build set NODE_ENV=production for this process; the dev server must serve React's
    // development build (StrictMode, Profiler) and prebundle it afresh.
    process.env.NODE_ENV = 'development'
    const dev = await createServer({
      configFile,
      mode: 'development',
      optimizeDeps: { force: true },
      server: { host: '127.0.0.1', port: 0, proxy },
      customLogger: logger,
    })
    disposer.add('dev server', () => dev.close())
    await dev.listen()
    const prodUrl = prod.resolvedUrls?.local[0]
    const devUrl = dev.resolvedUrls?.local[0]
    if (!prodUrl || !devUrl) throw new Error('a Vite server did not report its URL')

    step(`launching ${CHROMIUM}`)
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
    disposer.add('Chromium', () => browser.close())
    const env: Env = {
      cloud,
      browser,
      prodUrl,
      devUrl,
      token,
      vmIds: ids,
      vm,
      server,
      pageErrors: [],
      phase: '',
    }
    const phase = (name: string, text: string) => {
      env.phase = name
      step(text)
    }

    phase('first frame', `first frame: ${CONFIG.reps} × 4 variants, interleaved`)
    const first = await firstFrame(env)
    phase('input latency', `input latency: ${CONFIG.keys} keys × 2`)
    const keys = await inputLatency(env)
    phase('reconnect', `reconnect: ${CONFIG.reconnects} drops`)
    const again = await reconnect(env)
    phase('grid', `${CONFIG.grid} consoles: ${CONFIG.gridReps} × 2 runs of ${CONFIG.seconds} s`)
    const grids = await grid(env)
    phase('churn', `${CONFIG.cycles} mount/unmount cycles × 3`)
    const cycles = await churn(env)
    phase('strict', `StrictMode (development): ${CONFIG.strictMounts} mounts × 3`)
    const strict = await strictCounts(env)
    phase('commits', `React commits while the screen changes (development): ${CONFIG.seconds} s`)
    const commits = await commitsWhileAnimating(env)

    const machine: Machine = describeMachine(browser.version(), loadStart)

    // --- Numbers → table and goals
    const s = {
      bare: summarize(first.samples.bare),
      viewer: summarize(first.samples.viewer),
      cold: summarize(first.samples.cloudtowerCold),
      warm: summarize(first.samples.cloudtowerWarm),
      rtt: summarize(first.roundTrip),
      chunk: summarize(first.chunk),
      socketBare: summarize(first.socket.bare),
      socketViewer: summarize(first.socket.viewer),
      socketCold: summarize(first.socket.cloudtowerCold),
      afterSocketBare: summarize(first.samples.bare.map((t, i) => t - (first.socket.bare[i] ?? 0))),
      afterSocketViewer: summarize(
        first.samples.viewer.map((t, i) => t - (first.socket.viewer[i] ?? 0)),
      ),
      fetchStartCold: summarize(first.fetchStart),
      fetchEndCold: summarize(first.fetchEnd),
      keysBare: summarize(keys.bare),
      keysOurs: summarize(keys.cloudtower),
      close: summarize(again.close),
      frame: summarize(again.frame),
      beyond: summarize(again.beyondDelay),
    }
    const gridOf = (kind: GridRun['kind']) => grids.filter((run) => run.kind === kind)
    const gridSummary = (kind: GridRun['kind']) => {
      const runs = gridOf(kind)
      return {
        connected: Math.min(...runs.map((run) => run.connected)),
        allPainted: summarize(runs.map((run) => run.allPaintedMs)),
        fps: summarize(runs.flatMap((run) => run.fps)),
        busy: summarize(runs.map((run) => run.busyPercent)),
        longTasks: runs.reduce((sum, run) => sum + run.longTasks, 0),
      }
    }
    const gBare = gridSummary('bare')
    const gOurs = gridSummary('cloudtower')
    // Growth without the DevTools network log of the bench's own CDP connection (see liveObjects).
    const growth = (kind: ChurnKind, from: 'Before' | 'Half') => {
      const c = cycles[kind]
      const devtools = c.liveAfter.devtoolsBytes - c[`live${from}`].devtoolsBytes
      return c.heapAfter - c[`heap${from}`] - devtools
    }
    const heapRatio = (kind: ChurnKind) => growth(kind, 'Before') / cycles[kind].heapBefore
    const rawRatio = (kind: ChurnKind) => cycles[kind].heapAfter / cycles[kind].heapBefore - 1
    const secondHalf = (kind: ChurnKind) => growth(kind, 'Half')
    const kb = (bytes: number) => `${bytes >= 0 ? '+' : ''}${(bytes / 1024).toFixed(0)} KB`
    const live = (kind: ChurnKind) => {
      const { liveBefore: a, liveAfter: b } = cycles[kind]
      return `canvases ${a.canvases}→${b.canvases}, WebSockets ${a.sockets}→${b.sockets}, ResizeObservers ${a.resizeObservers}→${b.resizeObservers}`
    }
    const perMount = (values: number[]) => summarize(values).median
    const pct = (value: number) => `${value >= 0 ? '+' : ''}${(value * 100).toFixed(1)} %`
    const ctBudget = s.bare.median + s.rtt.median + 20
    // Each rep loads bare and ours back to back, so their ratio cancels slow drift in the machine.
    const paired = summarize(
      first.samples.viewer.map((t, i) => t / (first.samples.bare[i] ?? NaN)),
    ).median

    const goals: Goal[] = [
      {
        name: 'ConsoleViewer first frame vs bare noVNC',
        goal: '≤ 1.05×',
        measured: `${(s.viewer.median / s.bare.median).toFixed(3)}× (${ms(s.viewer.median)} vs ${ms(s.bare.median)} ms; median of paired ratios ${paired.toFixed(3)}×; +${ms(s.socketViewer.median - s.socketBare.median)} ms before the websocket opens)`,
        met: s.viewer.median <= 1.05 * s.bare.median,
      },
      {
        name: 'CloudTowerConsole first frame (lazy chunk cold)',
        goal: '≤ bare + API round trip + 20 ms',
        measured: `${ms(s.cold.median)} ms vs ${ms(ctBudget)} ms (${ms(s.bare.median)} + ${ms(s.rtt.median)} + 20)`,
        met: s.cold.median <= ctBudget,
      },
      {
        name: 'WebSockets per mount (StrictMode, development)',
        goal: '1',
        measured: `CloudTowerConsole ${strict.cloudtower.sockets.join(', ')}; ConsoleViewer getUrl ${strict['viewer-geturl'].sockets.join(', ')}`,
        met: all(
          [...strict.cloudtower.sockets, ...strict['viewer-geturl'].sockets],
          (n) => n === 1,
        ),
      },
      {
        name: 'Credential fetches per mount (StrictMode, development)',
        goal: '1',
        measured: `CloudTowerConsole ${strict.cloudtower.fetches.join(', ')} (tokens issued ${strict.cloudtower.tokens.join(', ')}); ConsoleViewer getUrl ${strict['viewer-geturl'].fetches.join(', ')}`,
        met: all(
          [
            ...strict.cloudtower.fetches,
            ...strict.cloudtower.tokens,
            ...strict['viewer-geturl'].fetches,
          ],
          (n) => n === 1,
        ),
      },
      {
        name: 'React commits per second while the screen changes',
        goal: '0',
        measured: `${commits.commitsPerSecond.toFixed(2)} (screen at ${commits.framesPerSecond.toFixed(1)} frames/s)`,
        met: commits.commits === 0,
      },
      {
        name: `Open websockets after ${CONFIG.cycles} mount/unmount cycles`,
        goal: '0',
        measured: `${cycles.cloudtower.socketsOpenAfter} in the page, ${cycles.cloudtower.relaysAfter} relays, ${cycles.cloudtower.serverSessionsAfter} VNC sessions`,
        met:
          cycles.cloudtower.socketsOpenAfter === 0 &&
          cycles.cloudtower.relaysAfter === 0 &&
          cycles.cloudtower.serverSessionsAfter === 0,
      },
      {
        name: `Consoles retained after ${CONFIG.cycles} cycles (heap snapshot after GC)`,
        goal: 'no growth',
        measured: (['cloudtower', 'viewer'] as const)
          .map(
            (kind) => `${kind === 'viewer' ? 'ConsoleViewer' : 'CloudTowerConsole'} ${live(kind)}`,
          )
          .join('; '),
        met: (['cloudtower', 'viewer'] as const).every((kind) =>
          (['canvases', 'sockets', 'resizeObservers'] as const).every(
            (key) => cycles[kind].liveAfter[key] <= cycles[kind].liveBefore[key],
          ),
        ),
      },
      {
        name: `JS heap after GC, ${CONFIG.cycles} cycles after ${CONFIG.warmup} to warm up`,
        goal: '≤ +5 %',
        measured: `${pct(heapRatio('cloudtower'))} = ${kb(growth('cloudtower', 'Before'))} of ${kb(cycles.cloudtower.heapBefore)}, of which ${kb(secondHalf('cloudtower'))} in the second ${CONFIG.cycles - Math.floor(CONFIG.cycles / 2)} cycles (bare noVNC ${pct(heapRatio('bare'))}); with the bench's DevTools network log ${pct(rawRatio('cloudtower'))}`,
        met: heapRatio('cloudtower') <= 0.05,
      },
      {
        name: `${CONFIG.grid} consoles on one page all connected`,
        goal: `${CONFIG.grid}/${CONFIG.grid}`,
        measured: `${gOurs.connected}/${CONFIG.grid}`,
        met: gOurs.connected === CONFIG.grid,
      },
    ]

    const rows: string[][] = [
      ['Measure (median / p90)', 'bare noVNC', 'react-vm-console', 'ours vs bare'],
      [
        'Mount → first frame, ready URL (ms)',
        medP90(s.bare),
        `ConsoleViewer ${medP90(s.viewer)}`,
        `${(s.viewer.median / s.bare.median).toFixed(3)}×`,
      ],
      [
        '… of which mount → websocket created (ms)',
        medP90(s.socketBare),
        `ConsoleViewer ${medP90(s.socketViewer)}`,
        `+${ms(s.socketViewer.median - s.socketBare.median)} ms`,
      ],
      [
        '… of which websocket created → first frame (ms)',
        medP90(s.afterSocketBare),
        `ConsoleViewer ${medP90(s.afterSocketViewer)}`,
        `${(s.afterSocketViewer.median / s.afterSocketBare.median).toFixed(3)}×`,
      ],
      [
        'Mount → first frame, CloudTowerConsole, chunk cold (ms)',
        '',
        medP90(s.cold),
        `+${ms(s.cold.median - s.bare.median)} ms`,
      ],
      [
        '… of which mount → request sent / answered / websocket created (ms)',
        '',
        `${ms(s.fetchStartCold.median)} / ${ms(s.fetchEndCold.median)} / ${ms(s.socketCold.median)}`,
        '',
      ],
      [
        'Mount → first frame, CloudTowerConsole, chunk loaded (ms)',
        '',
        medP90(s.warm),
        `+${ms(s.warm.median - s.bare.median)} ms`,
      ],
      ['API round trip: one credential fetch (ms)', '', medP90(s.rtt), ''],
      ['Lazy chunks: react-vnc + viewer on a fresh page (ms)', '', medP90(s.chunk), ''],
      [
        'WebSockets / credential fetches per mount, StrictMode dev',
        `react-vnc alone: ${perMount(strict.vncscreen.sockets)} / –`,
        `${perMount(strict.cloudtower.sockets)} / ${perMount(strict.cloudtower.fetches)}`,
        '',
      ],
      [
        'React commits/s while the screen changes (dev)',
        '',
        `${commits.commitsPerSecond.toFixed(2)} at ${commits.framesPerSecond.toFixed(1)} frames/s (${commits.mountCommits} while connecting)`,
        '',
      ],
      [
        `Reconnect: drop → next frame, fresh token (ms, delay ${again.policy.baseDelayMs} ms)`,
        '',
        `${medP90(s.frame)} (beyond delay ${medP90(s.beyond)})`,
        '',
      ],
      [
        `${CONFIG.cycles} mount/unmount: open sockets after`,
        String(cycles.bare.socketsOpenAfter),
        `CloudTowerConsole ${cycles.cloudtower.socketsOpenAfter}, ConsoleViewer ${cycles.viewer.socketsOpenAfter}`,
        '',
      ],
      [
        `${CONFIG.cycles} mount/unmount: JS heap after GC vs before (no DevTools log)`,
        `${pct(heapRatio('bare'))} (2nd half ${kb(secondHalf('bare'))})`,
        `CloudTowerConsole ${pct(heapRatio('cloudtower'))} (2nd half ${kb(secondHalf('cloudtower'))}); ConsoleViewer ${pct(heapRatio('viewer'))} (2nd half ${kb(secondHalf('viewer'))})`,
        '',
      ],
      [
        `${CONFIG.grid} consoles: connected`,
        `${gBare.connected}/${CONFIG.grid}`,
        `${gOurs.connected}/${CONFIG.grid}`,
        '',
      ],
      [
        `${CONFIG.grid} consoles: mount → all painted (ms, incl. fetches)`,
        ms(gBare.allPainted.median),
        ms(gOurs.allPainted.median),
        `${(gOurs.allPainted.median / gBare.allPainted.median).toFixed(2)}×`,
      ],
      [
        `${CONFIG.grid} consoles: frames/s each (median / min)`,
        `${gBare.fps.median.toFixed(1)} / ${gBare.fps.min.toFixed(1)}`,
        `${gOurs.fps.median.toFixed(1)} / ${gOurs.fps.min.toFixed(1)}`,
        `${(gOurs.fps.median / gBare.fps.median).toFixed(2)}×`,
      ],
      [
        `${CONFIG.grid} consoles: main-thread busy % (long tasks)`,
        `${gBare.busy.median.toFixed(1)} % (${gBare.longTasks})`,
        `${gOurs.busy.median.toFixed(1)} % (${gOurs.longTasks})`,
        `${(gOurs.busy.median / gBare.busy.median).toFixed(2)}×`,
      ],
      [
        'Input latency: key press → KeyEvent at the server (ms)',
        medP90(s.keysBare),
        medP90(s.keysOurs),
        `${(s.keysOurs.median / s.keysBare.median).toFixed(2)}×`,
      ],
    ]
    const table = [
      `| ${rows[0]?.join(' | ')} |`,
      `| ${rows[0]?.map(() => '---').join(' | ')} |`,
      ...rows.slice(1).map((row) => `| ${row.join(' | ')} |`),
    ].join('\n')
    const goalList = goals
      .map(
        (goal) => `- ${mark(goal.met)} ${goal.name}: goal ${goal.goal}, measured ${goal.measured}`,
      )
      .join('\n')
    const notes = [
      `Machine: ${machineLine(machine)}.`,
      `${machine.cores} cores shared by Chromium and one Node process (fake cloud, VNC servers, Vite proxy, Playwright); other work may have run at the same time (see the load average), so compare ratios, not absolute times.`,
      `Samples: first frame ${CONFIG.reps} per variant on fresh pages, bare and ours interleaved (production build); keys ${CONFIG.keys} per variant; ${CONFIG.reconnects} drops; ${CONFIG.gridReps}× ${CONFIG.seconds} s per grid; StrictMode and commits in the development build.`,
      'First frame = the first noVNC flip (drawImage onto the visible canvas) that shows the marker the VNC server paints; the same hook for every variant.',
    ]
    const markdown = `${table}\n\n${goalList}\n\n${notes.map((note) => `_${note}_`).join('\n\n')}\n`
    console.log(`\n${markdown}`)
    if (env.pageErrors.length > 0) {
      console.log(`Page errors (${env.pageErrors.length}), first 5:`)
      for (const error of env.pageErrors.slice(0, 5)) console.log(`  ${error}`)
    }

    await mkdir(dirname(CONFIG.out), { recursive: true })
    const json = {
      date: new Date().toISOString(),
      machine,
      config: { ...CONFIG, out: undefined, quick },
      goals,
      summary: { ...s, gridBare: gBare, gridOurs: gOurs },
      raw: { first, keys, reconnect: again, grids, cycles, strict, commits },
      pageErrors: env.pageErrors,
      proxyErrors,
      markdown,
    }
    await writeFile(CONFIG.out, `${JSON.stringify(json, null, 2)}\n`)
    console.log(`bench: wrote ${CONFIG.out}`)
  } finally {
    clearTimeout(deadline)
    await disposer.dispose()
  }
}

main().catch((error: unknown) => {
  console.error('bench: failed:', error)
  process.exitCode = 1
})
