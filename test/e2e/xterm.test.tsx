// TigerVNC's Xvnc running a real xterm, reached through the fake CloudTower's one-time relay:
// keys typed in Chromium and text pasted through the console must arrive in the xterm's shell.
import { cleanup, render } from '@testing-library/react'
import { createRef } from 'react'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { commands, userEvent } from 'vitest/browser'
import { CloudTowerConsole } from '../../src/react/consoles/CloudTowerConsole.js'
import type { ConsoleViewerHandle } from '../../src/react/types.js'
import { canvasText, consoleCanvas } from '../support/canvasText.js'
import { loadedConsole } from '../support/console/index.js'

let desktop: { id: string; vncPort: number }
let cloud: { id: string; url: string }

beforeAll(async () => {
  desktop = await commands.e2eStartXterm()
  const target = `127.0.0.1:${desktop.vncPort}`
  cloud = await commands.e2eStartCloud({ cloudTower: target, ecs: target })
})
afterEach(() => cleanup())
afterAll(async () => {
  await commands.e2eStopAll()
  expect(await commands.e2ePortAccepts(desktop.vncPort)).toBe(false)
})

async function renderConsole(ref = createRef<ConsoleViewerHandle>()) {
  const { container } = render(
    <CloudTowerConsole
      ref={ref}
      endpoint={cloud.url}
      token="fake-cloudtower-admin-token"
      vmId="vm-ubuntu-01"
      style={{ width: 800, height: 600 }}
    />,
  )
  return { root: await loadedConsole(container), ref }
}

async function connected(root: HTMLElement): Promise<HTMLCanvasElement> {
  await expect.poll(() => root.dataset.state, { timeout: 20_000 }).toBe('connected')
  const canvas = consoleCanvas(root)
  if (!canvas) throw new Error('no canvas after connecting')
  // The xterm's first frame: an 800x600 desktop that is not one flat colour (cursor, border).
  await expect.poll(() => canvasText(canvas).colours, { timeout: 10_000 }).toBeGreaterThan(1)
  expect([canvas.width, canvas.height]).toEqual([800, 600])
  return canvas
}

describe('Xvnc + xterm through the fake CloudTower relay', () => {
  it('types what the user types in Chromium into the xterm', async () => {
    const { root } = await renderConsole()
    const canvas = await connected(root)
    // A real click: the pointer moves over the xterm (X focus follows it) and noVNC takes the keys.
    await userEvent.click(canvas)
    await userEvent.keyboard('echo Hello, VNC 42!{Enter}')
    await expect
      .poll(() => commands.e2eReadXterm(desktop.id), { timeout: 10_000 })
      .toBe('echo Hello, VNC 42!\n')
  })

  it('pastes text and sends key combinations through the handle', async () => {
    const { root, ref } = await renderConsole()
    const canvas = await connected(root)
    await userEvent.click(canvas)
    const before = await commands.e2eReadXterm(desktop.id)
    const handle = ref.current
    if (!handle) throw new Error('no handle')
    // Xvnc puts the pasted text on CLIPBOARD and PRIMARY; xterm inserts PRIMARY on Shift+Insert.
    // The newline is part of the paste: the selection arrives asynchronously, after any later key.
    handle.setServerClipboard('pasted from the browser: café\n')
    await new Promise((resolve) => setTimeout(resolve, 300))
    handle.sendKeys('Shift+Insert')
    await expect
      .poll(async () => (await commands.e2eReadXterm(desktop.id)).slice(before.length), {
        timeout: 10_000,
      })
      .toBe('pasted from the browser: café\n')
  })

  it('pastes é on en-US as its keysym (Xvnc is keysym-based), and the xterm shows it', async () => {
    const { root, ref } = await renderConsole()
    const canvas = await connected(root)
    await userEvent.click(canvas)
    const before = await commands.e2eReadXterm(desktop.id)
    const handle = ref.current
    if (!handle) throw new Error('no handle')
    const result = await handle.pasteText('café é\n')
    expect(result).toMatchObject({ done: 7, total: 7, cancelled: false, untypeable: [] })
    await expect
      .poll(async () => (await commands.e2eReadXterm(desktop.id)).slice(before.length), {
        timeout: 10_000,
      })
      .toBe('café é\n')
    // Xvnc takes QEMU key events too, but types a bare keysym (no scancode): é went out as that.
    const { keys } = await commands.e2eCloudKeys(cloud.id)
    const eacute = { keysym: 0xe9, scancode: 0 }
    expect(keys.filter((k) => k.keysym === 0xe9)).toEqual([
      { down: true, ...eacute },
      { down: false, ...eacute },
      { down: true, ...eacute },
      { down: false, ...eacute },
    ])
  })
})
