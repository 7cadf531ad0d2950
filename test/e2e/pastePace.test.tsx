// The adaptive typing pace against real servers: a long text typed into Xvnc's xterm and into
// QEMU arrives whole (QEMU's decoded through its own keymap). The times are printed, not
// asserted (README, "Paste": how fast each server takes keys).
import { cleanup, render } from '@testing-library/react'
import { createRef } from 'react'
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'
import { commands, userEvent } from 'vitest/browser'
import { CloudTowerConsole } from '../../src/react/consoles/CloudTowerConsole.js'
import { EcsConsole } from '../../src/react/consoles/EcsConsole.js'
import type { ConsoleViewerHandle } from '../../src/react/types.js'
import { consoleCanvas } from '../support/canvasText.js'
import { loadedConsole } from '../support/console/index.js'

let desktop: { id: string; vncPort: number }
let qemu: { id: string; vncPort: number }
let cloud: { id: string; url: string }

beforeAll(async () => {
  desktop = await commands.e2eStartXterm()
  qemu = await commands.e2eStartQemu()
  cloud = await commands.e2eStartCloud({
    cloudTower: `127.0.0.1:${desktop.vncPort}`,
    ecs: `127.0.0.1:${qemu.vncPort}`,
  })
})
afterEach(() => cleanup())
afterAll(async () => {
  await commands.e2eStopAll()
})

const LINE = 'The quick brown fox jumps over the lazy dog! 0123456789 (A+B)*C=$%^&~_{}|:"<>?'
// 974 characters, a third of them with Shift.
const TEXT = Array.from({ length: 12 }, (_, i) => `${i} ${LINE}\n`).join('')

async function connected(root: HTMLElement) {
  await expect.poll(() => root.dataset.state, { timeout: 20_000 }).toBe('connected')
  // noVNC learns which key events the server takes from its first messages.
  await new Promise((resolve) => setTimeout(resolve, 800))
}

it('Xvnc: 974 characters at the adaptive pace reach the xterm, none lost', async () => {
  const ref = createRef<ConsoleViewerHandle>()
  const { container } = render(
    <CloudTowerConsole
      ref={ref}
      endpoint={cloud.url}
      token="fake-cloudtower-admin-token"
      vmId="vm-ubuntu-01"
      style={{ width: 800, height: 600 }}
    />,
  )
  const root = await loadedConsole(container)
  await connected(root)
  await userEvent.click(consoleCanvas(root)!)
  const before = (await commands.e2eReadXterm(desktop.id)).length
  const start = performance.now()
  const result = await ref.current!.typeText(TEXT)
  const ms = performance.now() - start
  expect(result).toMatchObject({ done: 974, total: 974, cancelled: false })
  await expect
    .poll(async () => (await commands.e2eReadXterm(desktop.id)).slice(before), { timeout: 20_000 })
    .toBe(TEXT)
  console.log(`Xvnc: 974 characters typed in ${ms.toFixed(0)} ms (adaptive pace), none lost`)
})

it('QEMU: 200 characters at the adaptive pace decode whole through its en-us keymap', async () => {
  const text = TEXT.slice(0, 200)
  const ref = createRef<ConsoleViewerHandle>()
  const { container } = render(
    <EcsConsole
      ref={ref}
      endpoint={cloud.url}
      projectId="13c67a214ced4afb88d911ae4bd5721a"
      serverId="47bc79ae-df61-4ade-9197-283a74e5d70e"
      authToken="fake-ecs-token"
      style={{ width: 720, height: 400 }}
    />,
  )
  await connected(await loadedConsole(container))
  const from = (await commands.e2eCloudKeys(cloud.id)).keys.length
  const start = performance.now()
  const result = await ref.current!.typeText(text)
  const ms = performance.now() - start
  expect(result).toMatchObject({ done: 200, total: 200, cancelled: false })
  await new Promise((resolve) => setTimeout(resolve, 500))
  const keys = (await commands.e2eCloudKeys(cloud.id)).keys.slice(from)
  expect(await commands.e2eDecodeQemuKeys(keys, 'en-us')).toBe(text)
  console.log(
    `QEMU: 200 characters (${keys.length} key events) typed in ${ms.toFixed(0)} ms (adaptive pace: ${(ms / keys.length).toFixed(1)} ms per event)`,
  )
})
