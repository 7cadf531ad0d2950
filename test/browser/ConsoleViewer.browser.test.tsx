// The viewer in real Chromium over real websockets (the fake cloud and its built-in VNC servers):
// what jsdom cannot show — focus, a real canvas, fullscreen, StrictMode's socket count.
import { cleanup, render } from '@testing-library/react'
import { createRef, StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { commands, page, userEvent } from 'vitest/browser'
import { CloudTowerConsole } from '../../src/react/consoles/CloudTowerConsole.js'
import type { ConsoleViewerHandle } from '../../src/react/types.js'
import { canvasText, consoleCanvas } from '../support/canvasText.js'
import { consoleRoot, loadedConsole, stateOf } from '../support/console/index.js'

let cloud: { id: string; url: string }
beforeAll(async () => {
  cloud = await commands.e2eStartBuiltInCloud()
})
afterEach(() => cleanup())
afterAll(async () => {
  await commands.e2eStopAll()
})

// The viewer's code arrives in a lazy chunk: its root replaces the shell once that has loaded.
async function renderConsole(options: { strict?: boolean; toolbar?: boolean } = {}) {
  const ref = createRef<ConsoleViewerHandle>()
  const element = (
    <CloudTowerConsole
      ref={ref}
      endpoint={cloud.url}
      token="fake-cloudtower-admin-token"
      vmId="vm-ubuntu-01"
      toolbar={options.toolbar ?? false}
      overlay={false}
      style={{ width: 800, height: 600 }}
    />
  )
  const { container } = render(options.strict ? <StrictMode>{element}</StrictMode> : element)
  return { root: await loadedConsole(container), ref }
}

async function connected(root: HTMLElement): Promise<HTMLCanvasElement> {
  await expect.poll(() => root.dataset.state, { timeout: 15_000 }).toBe('connected')
  const canvas = consoleCanvas(root)
  if (!canvas) throw new Error('no canvas')
  // The built-in VM's scene (1024x768: title bar, clock, text box) is painted, not a blank canvas.
  await expect.poll(() => canvasText(canvas).colours, { timeout: 10_000 }).toBeGreaterThan(2)
  expect([canvas.width, canvas.height]).toEqual([1024, 768])
  return canvas
}

describe('ConsoleViewer in Chromium', () => {
  it('opens one socket and spends one token under StrictMode', async () => {
    const before = await commands.e2eCloudStats(cloud.id)
    const { root } = await renderConsole({ strict: true })
    await connected(root)
    await new Promise((resolve) => setTimeout(resolve, 500))
    const after = await commands.e2eCloudStats(cloud.id)
    expect(after.issuedTokens - before.issuedTokens).toBe(1)
    expect(after.redeemedTokens - before.redeemedTokens).toBe(1)
    expect(after.totalRelays - before.totalRelays).toBe(1)
  })

  it('spends one token under StrictMode with the scheduling of a real app (no act())', async () => {
    // Testing Library's render wraps everything in act(), which flushes effects at once and hides
    // how StrictMode replays them in a real page. A plain root shows it.
    const before = await commands.e2eCloudStats(cloud.id)
    // React reports StrictMode problems (duplicate keys, effects without cleanup) as console errors.
    const consoleErrors = vi.spyOn(console, 'error')
    const container = document.body.appendChild(document.createElement('div'))
    const root = createRoot(container)
    root.render(
      <StrictMode>
        <CloudTowerConsole
          endpoint={cloud.url}
          token="fake-cloudtower-admin-token"
          vmId="vm-ubuntu-01"
          style={{ width: 800, height: 600 }}
        />
      </StrictMode>,
    )
    try {
      const state = () => stateOf(consoleRoot(container))
      await expect.poll(state, { timeout: 15_000 }).toBe('connected')
      await new Promise((resolve) => setTimeout(resolve, 500))
      const after = await commands.e2eCloudStats(cloud.id)
      expect(after.issuedTokens - before.issuedTokens).toBe(1)
      expect(after.totalRelays - before.totalRelays).toBe(1)
      expect(state()).toBe('connected')
      expect(consoleErrors.mock.calls).toEqual([])
    } finally {
      consoleErrors.mockRestore()
      root.unmount()
      container.remove()
    }
  })

  it('takes the keyboard on click and gives it back through the handle', async () => {
    const { root, ref } = await renderConsole()
    const canvas = await connected(root)
    await userEvent.click(canvas)
    expect(document.activeElement).toBe(canvas)
    ref.current?.blur()
    expect(document.activeElement).not.toBe(canvas)
    ref.current?.focus()
    expect(document.activeElement).toBe(canvas)
  })

  it('captures the screen as a PNG of the remote size', async () => {
    const { root, ref } = await renderConsole()
    await connected(root)
    const blob = await ref.current?.screenshot()
    expect(blob?.type).toBe('image/png')
    const bitmap = await createImageBitmap(blob as Blob)
    expect([bitmap.width, bitmap.height]).toEqual([1024, 768])
  })

  it('goes fullscreen from the toolbar button and back', async () => {
    const { root } = await renderConsole({ toolbar: true })
    await connected(root)
    await page.getByRole('button', { name: 'Fullscreen', exact: true }).click()
    await expect.poll(() => document.fullscreenElement).toBe(root)
    await expect.poll(() => root.hasAttribute('data-fullscreen')).toBe(true)
    await page.getByRole('button', { name: 'Exit fullscreen' }).click()
    await expect.poll(() => document.fullscreenElement).toBeNull()
  })
})
