// `npm run demo` in a real browser: the Vite dev server with the fake cloud inside, Debian's
// Chromium, and the portal showing live consoles from both clouds.
import { fileURLToPath } from 'node:url'
import { chromium, type Browser } from 'playwright-core'
import { createServer, type ViteDevServer } from 'vite'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { DemoConfig } from '../../demo/fakeCloudPlugin.js'
import { CHROMIUM_ARGS, requireChromium } from '../support/resolveChromium.js'

let vite: ViteDevServer
let browser: Browser
let url: string

beforeAll(async () => {
  const previous = process.env.DEMO_VNC
  process.env.DEMO_VNC = '' // the demo's own VNC servers, whatever the shell says
  vite = await createServer({
    configFile: fileURLToPath(new URL('../../demo/vite.config.ts', import.meta.url)),
    server: { port: 0, strictPort: false },
    logLevel: 'silent',
  })
  await vite.listen()
  if (previous === undefined) delete process.env.DEMO_VNC
  else process.env.DEMO_VNC = previous
  url = vite.resolvedUrls?.local[0] ?? ''
  browser = await chromium.launch({ executablePath: requireChromium(), args: CHROMIUM_ARGS })
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await vite?.close()
})

it('shows live consoles from both clouds, opens one, and explains a refused token', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } })
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(url)
  // data-state, then data-vm-state where the console asked the cloud for the VM's state.
  const states = () =>
    page.$$eval('[data-rvc-console]', (els) =>
      els.map((e) =>
        [e.getAttribute('data-state'), e.getAttribute('data-vm-state')].join(' ').trim(),
      ),
    )
  // The running VMs connect (two CloudTower, one ECS); the stopped ones (one each) and the
  // deleted ECS server are refused by the cloud, and the console, asking for their state, holds
  // them without burning attempts. The first wait includes Vite compiling the demo and both lazy
  // chunks on a cold machine.
  await expect
    .poll(states, { timeout: 60_000 })
    .toEqual([
      'connected',
      'connected',
      'disconnected stopped',
      'connected',
      'disconnected stopped',
      'disconnected deleted',
    ])

  await page.getByRole('button', { name: 'Open ubuntu-24.04-web' }).click()
  const full = page.locator('.demo-console-full')
  await expect.poll(() => full.getAttribute('data-state'), { timeout: 15_000 }).toBe('connected')
  await page.getByRole('combobox').selectOption('direct')
  await expect.poll(() => full.getAttribute('data-state'), { timeout: 15_000 }).toBe('connected')

  // CloudTower's REST API, same-origin, with the demo's token: the state of a VM, and its power.
  const tower = (operation: string, id: string) =>
    page.evaluate(
      async ([operation, id]) => {
        const config = (await (await fetch('/__demo/config')).json()) as DemoConfig
        const response = await fetch(`/tower/v2/api/${operation}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: config.cloudTower.token },
          body: JSON.stringify({ where: { id } }),
        })
        return (await response.json()) as { status?: string; task_id?: string }[]
      },
      [operation, id] as const,
    )
  const status = async (id: string) => (await tower('get-vms', id))[0]?.status
  // The chaos panel stops the open VM under its console: the console drops, asks the cloud, and
  // holds the VM as stopped.
  await page.getByRole('button', { name: /^Stop the open VM now/ }).click()
  await expect.poll(() => full.getAttribute('data-vm-state'), { timeout: 15_000 }).toBe('stopped')
  expect(await status('vm-ubuntu-01')).toBe('STOPPED')
  // Start VM in the console: the cloud's start, its task followed, then connected by itself.
  await full.getByRole('button', { name: 'Start VM' }).click()
  await expect.poll(() => full.getAttribute('data-state'), { timeout: 20_000 }).toBe('connected')
  expect(await status('vm-ubuntu-01')).toBe('RUNNING')
  // The chaos panel powers the open VM on too.
  await page.getByRole('button', { name: /^Stop the open VM now/ }).click()
  await expect.poll(() => status('vm-ubuntu-01'), { timeout: 15_000 }).toBe('STOPPED')
  await page.getByRole('button', { name: 'Power the open VM on' }).click()
  await expect.poll(() => status('vm-ubuntu-01'), { timeout: 15_000 }).toBe('RUNNING')
  // The stopped VM of the list starts through the API (a task, ~1.5 s in the demo).
  expect((await tower('start-vm', 'vm-stopped-01'))[0]?.task_id).toEqual(expect.any(String))
  await expect.poll(() => status('vm-stopped-01'), { timeout: 15_000 }).toBe('RUNNING')

  await page.getByRole('button', { name: 'Bad token' }).click()
  await expect
    .poll(() => page.getByRole('alert').first().textContent(), { timeout: 15_000 })
    .toContain('The CloudTower token was refused. Sign in again.')
  expect(errors).toEqual([])
  await page.close()
}, 120_000)
