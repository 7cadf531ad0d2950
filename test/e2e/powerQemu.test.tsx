// Force restart from the console's power menu against a real QEMU: <CloudTowerConsole> asks the
// fake CloudTower, which drives QEMU's QMP `system_reset` (issue 17). The drop that follows is
// expected ("Restarting…", no counted attempt) and the console comes back to the firmware.
import { cleanup, render, screen, within } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { commands, userEvent } from 'vitest/browser'
import { CloudTowerConsole } from '../../src/react/consoles/CloudTowerConsole.js'
import type { ConsoleStatus } from '../../src/core/connection/types.js'
import { canvasText, consoleCanvas } from '../support/canvasText.js'
import { loadedConsole } from '../support/console/index.js'

let qemu: { id: string; vncPort: number; qmpSocket?: string }
let cloud: { id: string; url: string }

beforeAll(async () => {
  qemu = await commands.e2eStartQemu({ qmp: true })
  const target = `127.0.0.1:${qemu.vncPort}`
  cloud = await commands.e2eStartCloud({ cloudTower: target, ecs: target, qmp: qemu.qmpSocket })
})
afterEach(() => cleanup())
afterAll(async () => {
  await commands.e2eStopAll()
  expect(await commands.e2ePortAccepts(qemu.vncPort)).toBe(false)
})

/** Waits for `connected`, then for SeaBIOS's and iPXE's text rows on the canvas. */
async function firmwareShown(root: HTMLElement) {
  await expect.poll(() => root.dataset.state, { timeout: 30_000 }).toBe('connected')
  const canvas = consoleCanvas(root)
  if (!canvas) throw new Error('no canvas after connecting')
  await expect
    .poll(() => canvasText(canvas).litBands.length, { timeout: 30_000 })
    .toBeGreaterThanOrEqual(3)
}

describe('force restart through the fake CloudTower', () => {
  it('asks first, shows Restarting…, resets QEMU for real, and the console comes back', async () => {
    const seen: ConsoleStatus[] = []
    const { container } = render(
      <CloudTowerConsole
        endpoint={cloud.url}
        token="fake-cloudtower-admin-token"
        vmId="vm-ubuntu-01"
        onStateChange={(status) => seen.push(status)}
        style={{ width: 720, height: 400 }}
      />,
    )
    const root = await loadedConsole(container)
    await firmwareShown(root)
    const resetsBefore = await commands.e2eQemuResets(qemu.id)
    const relaysBefore = (await commands.e2eCloudStats(cloud.id)).totalRelays

    // Keyboard: focus the Power button and press Enter.
    screen.getByRole('button', { name: 'Power' }).focus()
    await userEvent.keyboard('{Enter}')
    const menu = within(await screen.findByRole('dialog', { name: 'Power' }))
    await userEvent.click(menu.getByRole('button', { name: 'Force restart' }))
    // Nothing is sent before the operator confirms.
    const ask = within(screen.getByRole('dialog', { name: 'Power' }))
    expect(ask.getByText(/Unsaved data is lost/)).toBeTruthy()
    expect(await commands.e2eQemuResets(qemu.id)).toBe(resetsBefore)
    await userEvent.click(ask.getByRole('button', { name: 'Force restart' }))

    await expect.poll(() => root.dataset.vmState, { timeout: 10_000 }).toBe('restarting')
    await expect
      .poll(() => container.querySelector('[data-rvc-overlay]')?.textContent ?? '', {
        timeout: 10_000,
      })
      .toContain('Restarting…')
    // QEMU itself reset (a QMP RESET event), not only the relay dropping.
    await expect
      .poll(() => commands.e2eQemuResets(qemu.id), { timeout: 20_000 })
      .toBeGreaterThan(resetsBefore)

    await expect.poll(() => root.dataset.vmState, { timeout: 30_000 }).toBe('running')
    await firmwareShown(root)
    expect((await commands.e2eCloudStats(cloud.id)).totalRelays).toBeGreaterThan(relaysBefore)
    // The expected drop burned no attempt and was never an error.
    expect(seen.every((status) => status.attempt === 0 && status.state !== 'error')).toBe(true)
    expect(seen.some((status) => status.vmState === 'restarting')).toBe(true)
  })
})
