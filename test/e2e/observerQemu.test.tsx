// An observer in Chromium, through the gateway, against a real QEMU (issue 18 §5): the page is a
// plain <ConsoleViewer> on gatewayConsoleOptions, not view-only (as a modified client would be:
// <GatewayConsole> would show an observer view-only and send nothing), so noVNC sends every key
// and click; the gateway drops them before QEMU. Counted in a tap between the fake cloud's proxy and QEMU. Fails
// on the old gateway, which ignored `mode` and relayed the input.
import { cleanup, render } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { commands, userEvent } from 'vitest/browser'
import { ConsoleViewer } from '../../src/react/lazy/ConsoleViewer.js'
import { gatewayConsoleOptions } from '../../src/react/urls/gatewayConsoleOptions.js'
import { canvasText, consoleCanvas } from '../support/canvasText.js'
import { loadedConsole } from '../support/console/index.js'

let cloud: { id: string; url: string }
let gateway: { id: string; url: string }

beforeAll(async () => {
  const qemu = await commands.e2eStartQemu()
  const target = `127.0.0.1:${qemu.vncPort}`
  cloud = await commands.e2eStartCloud({ cloudTower: target, ecs: target })
  gateway = await commands.e2eStartGateway({ cloudUrl: cloud.url, mode: 'observe' })
})
afterEach(() => cleanup())
afterAll(async () => {
  await commands.e2eStopAll()
})

describe('an observer against QEMU', () => {
  it('types and clicks in noVNC, and QEMU receives no key, pointer, clipboard or QEMU key message', async () => {
    const modes: string[] = []
    const { getUrl } = gatewayConsoleOptions({
      gateway: gateway.url,
      target: { provider: 'cloudtower', vmId: 'vm-ubuntu-01' },
      onMode: (mode) => modes.push(mode),
    })
    const { container } = render(
      <ConsoleViewer getUrl={getUrl} style={{ width: 720, height: 400 }} />,
    )
    const root = await loadedConsole(container)
    await expect.poll(() => root.dataset.state, { timeout: 30_000 }).toBe('connected')
    const canvas = consoleCanvas(root)
    if (!canvas) throw new Error('no canvas after connecting')
    await expect
      .poll(() => canvasText(canvas).litBands.length, { timeout: 30_000 })
      .toBeGreaterThanOrEqual(3)

    await userEvent.click(canvas)
    await userEvent.keyboard('observer{Escape}{Enter}')
    await userEvent.click(canvas, { position: { x: 40, y: 40 } })
    // Let every message the page sent cross the gateway and the proxy.
    await new Promise((resolve) => setTimeout(resolve, 1_500))

    const counts = await commands.e2eCloudMessageCounts(cloud.id)
    // The session is alive and talking: noVNC's own requests arrived.
    expect(counts.framebufferUpdateRequest ?? 0).toBeGreaterThan(0)
    expect(counts.setEncodings ?? 0).toBeGreaterThan(0)
    for (const input of ['key', 'qemuKey', 'pointer', 'clientCutText'])
      expect(counts[input] ?? 0, input).toBe(0)
    expect((await commands.e2eCloudKeys(cloud.id)).errors).toEqual([])
    expect(root.dataset.state).toBe('connected')
    expect(modes).toEqual(['observe'])
  })
})
