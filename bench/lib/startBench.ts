import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { build, createLogger, createServer, preview, type ProxyOptions } from 'vite'
import type { RfbServer } from '../../fake-cloud/rfb/RfbServer.ts'
import { startFakeCloud } from '../../fake-cloud/startFakeCloud.ts'
import { MARKER } from '../page/marker.ts'
import type { BenchEnv } from './BenchEnv.ts'
import { benchInventory } from './benchInventory.ts'
import { startBenchGateway } from './startBenchGateway.ts'
import { CONFIG } from './CONFIG.ts'
import type { Disposer } from './Disposer.ts'

const here = dirname(fileURLToPath(import.meta.url))
const root = resolve(here, '../..')

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
// --expose-gc: heap comparisons after a full collection, from the page as well as over CDP.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--js-flags=--expose-gc',
]

/**
 * Starts what the scenarios run against, each stopped by `disposer`: the fake cloud with one RFB
 * server per grid VM (painting the first-frame marker), the bench page built and previewed
 * (production, with the link pages under /eager/ and /link/) and served by Vite (development),
 * both proxying /tower and /__fake to the cloud and /consoles to the gateway, and Chromium. `proxyErrors` counts the sockets the proxy saw cut off.
 */
export async function startBench(
  disposer: Disposer,
  step: (text: string) => void,
): Promise<{ env: BenchEnv; proxyErrors: () => number }> {
  const { inventory, ids, stoppedVm } = benchInventory(CONFIG.grid)
  step('starting the fake cloud')
  const cloud = await startFakeCloud({
    builtInVnc: true,
    inventory,
    powerDelayMs: CONFIG.powerDelayMs,
  })
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

  step('starting the gateway (react-vm-console/server) in front of the fake cloud')
  const gatewayUrl = await startBenchGateway(disposer, cloud.url, token)

  const proxy: Record<string, ProxyOptions> = {
    '/tower/api': { target: cloud.url, rewrite: (path) => path.slice('/tower'.length) },
    // CloudTower's REST API (VM state, power, tasks) beside its GraphQL /api.
    '/tower/v2/api': { target: cloud.url, rewrite: (path) => path.slice('/tower'.length) },
    '/tower/websockify': {
      target: cloud.url,
      ws: true,
      rewrite: (path) => path.slice('/tower'.length),
    },
    '/__fake/': { target: cloud.url },
    // The gateway on the page's own origin (its ticket requests, /state and relays).
    '/consoles': { target: gatewayUrl, ws: true },
  }
  const configFile = resolve(here, '../page/vite.config.ts')
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
  // The link pages (bench/scenarios/linkProfiles.ts), each built on its own as an app would be,
  // so neither shares chunks with the other or with the main bench page.
  for (const name of ['eager', 'link']) {
    await build({
      configFile,
      base: `/${name}/`,
      build: {
        outDir: resolve(outDir, name),
        emptyOutDir: true,
        // Eager bare holds noVNC, React and the core in one 0.5 MB bundle, on purpose.
        chunkSizeWarningLimit: 1024,
        rolldownOptions: { input: resolve(here, `../page/${name}.html`) },
      },
    })
  }
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
  const env: BenchEnv = {
    cloud,
    browser,
    prodUrl,
    devUrl,
    token,
    vmIds: ids,
    vm,
    stoppedVm,
    server,
    pageErrors: [],
    phase: '',
  }
  return { env, proxyErrors: () => proxyErrors }
}
