// `npm run docs:screenshots`: the README's pictures, taken from the "Docs/README pictures" stories
// in real Chromium, light and dark, so they stay true as the UI changes. Starts `storybook dev` on a
// free port, photographs each story once it shows its state, writes docs/screenshots/*.webp (WebP
// from Chromium's own encoder: no image dependency) and exits non-zero, saying which story, when a
// story fails to render or never reaches its state.
import { spawn } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { chromium, type Page } from 'playwright-core'
import { CHROMIUM_ARGS, requireChromium } from '../test/support/resolveChromium.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const OUT = `${ROOT}docs/screenshots/`
const WAIT_MS = 90_000
const WEBP_QUALITY = 0.85

interface Shot {
  file: string
  story: string
  /** Resolves once the story shows the state the picture is about. */
  ready: (page: Page) => Promise<unknown>
}

const SHOTS: Shot[] = [
  {
    file: 'live',
    story: 'live',
    ready: async (page) => {
      await page.locator('[data-rvc-console][data-state="connected"]').waitFor({ timeout: WAIT_MS })
      await page.getByRole('button', { name: 'Power' }).waitFor({ timeout: WAIT_MS })
      // The first frames of the fake VM's screen.
      await page.waitForTimeout(1000)
    },
  },
  {
    file: 'connecting',
    story: 'connecting',
    ready: (page) =>
      page.locator('[data-rvc-overlay][data-state="connecting"]').waitFor({ timeout: WAIT_MS }),
  },
  {
    file: 'stopped',
    story: 'stopped',
    ready: (page) =>
      page
        .locator('[data-rvc-console][data-vm-state="stopped"] [data-rvc-overlay][data-kind="vm"]')
        .waitFor({ timeout: WAIT_MS }),
  },
  {
    file: 'power-menu',
    story: 'power-menu',
    ready: async (page) => {
      await page.getByRole('dialog', { name: 'Power' }).waitFor({ timeout: WAIT_MS })
      await page.waitForTimeout(500)
    },
  },
  {
    file: 'error-fallback',
    story: 'error-with-fallback',
    ready: (page) =>
      page
        .locator('[data-rvc-console][data-error-kind="not_found"] [data-rvc-overlay]')
        .waitFor({ timeout: WAIT_MS }),
  },
]

const THEMES = ['light', 'dark'] as const

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

async function waitForHttp(url: string, exited: () => string | undefined): Promise<void> {
  const deadline = Date.now() + 180_000
  for (;;) {
    const why = exited()
    if (why) throw new Error(`storybook dev stopped before serving: ${why}`)
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`storybook dev did not serve ${url} within 180 s`)
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}

/** Chromium's own WebP encoder, through a canvas in the page. */
function toWebp(page: Page, png: Buffer): Promise<Buffer> {
  return page
    .evaluate(
      async ({ dataUrl, quality }) => {
        const image = new Image()
        image.src = dataUrl
        await image.decode()
        const canvas = document.createElement('canvas')
        canvas.width = image.naturalWidth
        canvas.height = image.naturalHeight
        canvas.getContext('2d')?.drawImage(image, 0, 0)
        return canvas.toDataURL('image/webp', quality)
      },
      { dataUrl: `data:image/png;base64,${png.toString('base64')}`, quality: WEBP_QUALITY },
    )
    .then((dataUrl) => {
      if (!dataUrl.startsWith('data:image/webp;base64,')) {
        throw new Error('this Chromium does not encode WebP')
      }
      return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64')
    })
}

async function photograph(page: Page, base: string, shot: Shot, theme: string): Promise<Buffer> {
  const id = `docs-readme-pictures--${shot.story}`
  await page.goto(`${base}/iframe.html?id=${id}&viewMode=story&globals=theme:${theme}`)
  const failed = page.locator('body.sb-show-errordisplay, body.sb-show-nopreview')
  const outcome = await Promise.race([
    shot.ready(page).then(() => 'ready' as const),
    failed.waitFor({ state: 'attached', timeout: WAIT_MS }).then(() => 'failed' as const),
  ]).catch((error: unknown) => {
    throw new Error(`story ${id} (${theme}) never reached its state: ${String(error)}`)
  })
  if (outcome === 'failed') {
    const message = await page
      .locator('#error-message')
      .allInnerTexts()
      .catch(() => [])
    throw new Error(`story ${id} (${theme}) failed to render: ${message.join('\n') || 'no story'}`)
  }
  const png = await page
    .locator('[data-rvc-console]')
    .first()
    .screenshot({ animations: 'disabled', caret: 'hide' })
  return toWebp(page, png)
}

async function main() {
  const executablePath = requireChromium()
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const storybook = spawn(
    `${ROOT}node_modules/.bin/storybook`,
    ['dev', '--ci', '--no-open', '--host', '127.0.0.1', '-p', String(port)],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  )
  let stderr = ''
  let exit: string | undefined
  storybook.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + String(chunk)).slice(-4000)))
  storybook.on('exit', (code, signal) => (exit = `exit ${code ?? signal}\n${stderr}`))
  const stop = () => {
    if (exit === undefined && storybook.pid) process.kill(-storybook.pid, 'SIGTERM')
  }
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS })
  try {
    await waitForHttp(`${base}/iframe.html`, () => exit)
    mkdirSync(OUT, { recursive: true })
    for (const theme of THEMES) {
      const context = await browser.newContext({
        colorScheme: theme,
        viewport: { width: 1000, height: 700 },
        deviceScaleFactor: 1,
        reducedMotion: 'reduce',
      })
      const page = await context.newPage()
      for (const shot of SHOTS) {
        const webp = await photograph(page, base, shot, theme)
        const file = `${shot.file}-${theme}.webp`
        writeFileSync(OUT + file, webp)
        console.log(`docs/screenshots/${file}  ${(webp.length / 1024).toFixed(1)} kB`)
      }
      await context.close()
    }
  } finally {
    await browser.close()
    stop()
  }
}

main().catch((error: unknown) => {
  console.error(`docs:screenshots: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
