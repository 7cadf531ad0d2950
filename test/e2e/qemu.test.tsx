// QEMU's own VNC server showing its firmware (SeaBIOS, iPXE, "Press ESC for boot menu"), reached
// three ways: the fake ECS relay, QEMU's built-in websocket, and Debian's websockify. Against QEMU
// noVNC sends keys as QEMU extended key events; Escape must open SeaBIOS's boot menu.
import { cleanup, render } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { commands, userEvent } from 'vitest/browser'
import { ConsoleViewer } from '../../src/react/lazy/ConsoleViewer.js'
import { EcsConsole } from '../../src/react/consoles/EcsConsole.js'
import type { CanvasTextReport } from '../support/canvasText.js'
import { canvasText, consoleCanvas } from '../support/canvasText.js'
import { loadedConsole } from '../support/console/index.js'

const ECS_PROJECT = '13c67a214ced4afb88d911ae4bd5721a'
const ECS_SERVER = '47bc79ae-df61-4ade-9197-283a74e5d70e'

let qemu: { id: string; vncPort: number; websocketPort?: number }
let cloud: { id: string; url: string }

beforeAll(async () => {
  qemu = await commands.e2eStartQemu({ websocket: true })
  const target = `127.0.0.1:${qemu.vncPort}`
  cloud = await commands.e2eStartCloud({ cloudTower: target, ecs: target })
})
afterEach(() => cleanup())
afterAll(async () => {
  await commands.e2eStopAll()
  expect(await commands.e2ePortAccepts(qemu.vncPort)).toBe(false)
})

const VIEW = { width: 720, height: 400 }

/** Waits for `connected`, then for the firmware's text on the canvas; answers what it saw. */
async function firmwareScreen(root: HTMLElement): Promise<CanvasTextReport> {
  await expect.poll(() => root.dataset.state, { timeout: 20_000 }).toBe('connected')
  const canvas = consoleCanvas(root)
  if (!canvas) throw new Error('no canvas after connecting')
  // SeaBIOS's banner, iPXE's lines and the boot prompt: several separate 16 px text rows.
  await expect
    .poll(() => canvasText(canvas).litBands.length, { timeout: 30_000 })
    .toBeGreaterThanOrEqual(3)
  const report = canvasText(canvas)
  // VGA text mode, light grey on black: text-like coverage, not a uniform or noisy screen.
  expect([report.width, report.height]).toEqual([720, 400])
  expect(report.litFraction).toBeGreaterThan(0.002)
  expect(report.litFraction).toBeLessThan(0.2)
  expect(report.litBands[0]).toBe(0)
  return report
}

/** The screen once two looks 1.5 s apart agree. */
async function settled(canvas: HTMLCanvasElement): Promise<CanvasTextReport> {
  let last = JSON.stringify(canvasText(canvas).litBands)
  for (let i = 0; i < 20; i++) {
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    const report = canvasText(canvas)
    const now = JSON.stringify(report.litBands)
    if (now === last) return report
    last = now
  }
  throw new Error('the firmware screen never settled')
}

describe('QEMU firmware on the canvas', () => {
  it('through the fake ECS relay, and Escape (a QEMU key event) opens the boot menu', async () => {
    const { container } = render(
      <EcsConsole
        endpoint={cloud.url}
        projectId={ECS_PROJECT}
        serverId={ECS_SERVER}
        authToken="fake-ecs-token"
        style={VIEW}
      />,
    )
    const root = await loadedConsole(container)
    await firmwareScreen(root)
    const canvas = consoleCanvas(root)
    if (!canvas) throw new Error('no canvas')
    // The prompt waits a minute (splash-time): the screen must be still before the key, so that
    // any new text after it comes from the key and not from the firmware carrying on.
    const before = await settled(canvas)
    await userEvent.click(canvas)
    await userEvent.keyboard('{Escape}')
    // "Select boot device:" and its entries appear below the prompt.
    await expect
      .poll(() => canvasText(canvas).litBands.length, { timeout: 15_000 })
      .toBeGreaterThan(before.litBands.length)
    const stats = await commands.e2eCloudStats(cloud.id)
    expect(stats.redeemedTokens).toBe(1)
    expect(stats.bytesToVnc).toBeGreaterThan(0)
  })

  it("straight to QEMU's built-in websocket", async () => {
    const { container } = render(
      <ConsoleViewer url={`ws://127.0.0.1:${qemu.websocketPort}`} style={VIEW} />,
    )
    await firmwareScreen(await loadedConsole(container))
  })

  it("through Debian's websockify", async () => {
    const proxy = await commands.e2eStartWebsockify(qemu.vncPort)
    try {
      const { container } = render(
        <ConsoleViewer url={`ws://127.0.0.1:${proxy.port}`} style={VIEW} />,
      )
      await firmwareScreen(await loadedConsole(container))
    } finally {
      cleanup()
      await commands.e2eStop(proxy.id)
    }
    expect(await commands.e2ePortAccepts(proxy.port)).toBe(false)
  })
})
