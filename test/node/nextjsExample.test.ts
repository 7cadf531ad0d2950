// examples/nextjs, as a user runs it: `next build` with no secret in the environment, its custom
// server (Next for the page and the POST route, the gateway for the websocket) against the fake
// cloud, and real Chromium showing a live console. Needs `npm run build` first (`npm test` does).
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startFakeCloud } from '../../fake-cloud/startFakeCloud.ts'
import type { FakeCloudHandle } from '../../fake-cloud/types.ts'
import { startProcess, type ManagedProcess } from '../support/managedProcess.js'
import { CHROMIUM_ARGS, requireChromium } from '../support/resolveChromium.js'

const example = fileURLToPath(new URL('../../examples/nextjs/', import.meta.url))
const nextBin = fileURLToPath(new URL('../../node_modules/next/dist/bin/next', import.meta.url))
const dist = fileURLToPath(new URL('../../dist/server/index.js', import.meta.url))
// Sized for a busy two-core CI machine: `next build` alone may take a minute or two there.
const BUILD_MS = 240_000
const START_MS = 60_000
const CONNECT_MS = 60_000

let cloud: FakeCloudHandle
let server: ManagedProcess | undefined
let browser: Browser | undefined
let url = ''
let buildMs = 0

/** A port nothing listens on right now (the server takes it a moment later). */
async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as AddressInfo
  await new Promise((resolve) => probe.close(resolve))
  return port
}

async function run(name: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number) {
  const child = startProcess(name, process.execPath, args, { cwd: example, env })
  const timer = setTimeout(() => void child.stop(), timeoutMs)
  const code = await child.exited
  clearTimeout(timer)
  if (code !== 0) throw new Error(`${name} ended with ${code}:\n${child.output()}`)
  return child.output()
}

beforeAll(
  async () => {
    if (!existsSync(dist)) throw new Error('No dist/: run `npm run build` before this test.')
    const executablePath = requireChromium() // before a minute of building, not after
    // Node 22.18+ strips the types of server.ts itself (the `node` devDependency is 22).
    const [major = 0, minor = 0] = process.versions.node.split('.').map(Number)
    if (major < 22 || (major === 22 && minor < 18))
      throw new Error(`Node ${process.versions.node}: run the tests through npm (Node 22).`)

    // No secret at build time: the gateway must not be created while Next collects page data.
    const started = Date.now()
    await run(
      'next build',
      [nextBin, 'build'],
      {
        NEXT_TELEMETRY_DISABLED: '1',
        NODE_ENV: 'production',
        CLOUDTOWER_ENDPOINT: undefined,
        CLOUDTOWER_TOKEN: undefined,
      },
      BUILD_MS,
    )
    buildMs = Date.now() - started

    cloud = await startFakeCloud({ builtInVnc: true })
    const port = await freePort()
    url = `http://127.0.0.1:${port}`
    server = startProcess('next server', process.execPath, ['server.ts'], {
      cwd: example,
      env: {
        NEXT_TELEMETRY_DISABLED: '1',
        NODE_ENV: 'production',
        HOSTNAME: '127.0.0.1',
        PORT: String(port),
        CLOUDTOWER_ENDPOINT: cloud.url,
        CLOUDTOWER_TOKEN: 'fake-cloudtower-admin-token',
      },
    })
    const ready = Date.now() + START_MS
    while (!server.output().includes('> Ready on')) {
      const exited = await Promise.race([
        server.exited.then(() => true),
        new Promise<false>((resolve) => setTimeout(resolve, 100, false)),
      ])
      if (exited || Date.now() > ready)
        throw new Error(`The example's server did not start:\n${server.output()}`)
    }
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS })
  },
  BUILD_MS + START_MS + 30_000,
)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  await cloud?.close()
}, 30_000)

it(
  'builds without secrets and shows a live console through the gateway in Chromium',
  async () => {
    console.log(`examples/nextjs: next build took ${(buildMs / 1000).toFixed(1)} s`)
    const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } })
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    page.on('response', (response) => {
      if (response.status() >= 400) errors.push(`HTTP ${response.status()} ${response.url()}`)
    })
    const sockets: string[] = []
    page.on('websocket', (socket) => sockets.push(socket.url()))
    const redeemed = cloud.stats.redeemedTokens

    // The page is served (and the POST route first answered) before the websocket is opened:
    // Next has handled requests by then, so its own upgrade listener would be in place.
    await page.goto(url)
    // Settled either way: a console that cannot connect ends in `error` after its retries.
    await page.waitForFunction(
      () =>
        /^(connected|error)$/.test(
          document.querySelector('[data-rvc-console]')?.getAttribute('data-state') ?? '',
        ),
      undefined,
      { timeout: CONNECT_MS },
    )
    expect(await page.locator('[data-rvc-console]').getAttribute('data-state')).toBe('connected')
    // A painted frame: vm-ubuntu-01's 1024x768 screen, not one flat colour.
    const frame = () =>
      page.evaluate(() => {
        const canvas = document.querySelector<HTMLCanvasElement>(
          '[data-rvc-console] [data-rvc-screen] canvas',
        )
        const context = canvas?.getContext('2d')
        if (!canvas || !context || canvas.width === 0) return null
        const data = context.getImageData(0, 0, canvas.width, canvas.height).data
        const painted = data.some((value, i) => i % 4 !== 3 && value !== data[i % 4])
        return { size: `${canvas.width}x${canvas.height}`, painted }
      })
    await expect.poll(frame, { timeout: 15_000 }).toEqual({ size: '1024x768', painted: true })

    // The one socket went to the gateway on the Next server, and the gateway spent exactly one
    // one-time cloud token for it (StrictMode included).
    expect(sockets).toHaveLength(1)
    expect(sockets[0]?.startsWith(`${url.replace('http', 'ws')}/api/consoles?ticket=`)).toBe(true)
    expect(cloud.stats.redeemedTokens - redeemed).toBe(1)
    expect(cloud.stats.activeRelays).toBe(1)
    // Nothing of the cloud's credentials or the ticket on screen.
    const text = await page.locator('body').innerText()
    expect(text).not.toMatch(/ticket|token/i)
    expect(errors).toEqual([])
    expect(server!.output()).not.toMatch(/could not be created|Error/)
    await page.close()
  },
  CONNECT_MS + 30_000,
)
