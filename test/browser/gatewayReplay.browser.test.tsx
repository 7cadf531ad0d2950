// Issue 18's "done means", with the gateway itself recording: a live noVNC session in Chromium
// (a ConsoleViewer on gatewayConsoleOptions, VNC Authentication) through a real
// createConsoleGateway with `record` to the fake cloud's RFB server, its screen changing; the
// screen freezes, the live canvas is hashed, the session closes and the gateway's .rvcrec file,
// replayed by <ConsoleReplay> at 8×, must end on the same hash. No ticket, token or VNC password
// may be in the file.
import { cleanup, render } from '@testing-library/react'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { commands } from 'vitest/browser'
import { ConsoleViewer } from '../../src/react/lazy/ConsoleViewer.js'
import { ConsoleReplay } from '../../src/react/replay/ConsoleReplay.js'
import { gatewayConsoleOptions } from '../../src/react/urls/gatewayConsoleOptions.js'
import { canvasText, consoleCanvas } from '../support/canvasText.js'
import { loadedConsole } from '../support/console/index.js'
import { settledCanvasHash } from '../support/settledCanvasHash.js'

const VNC_PASSWORD = 'Gw7-replay'
/** How long the live session's screen keeps changing. */
const LIVE_MS = 4_000

let setup: { id: string; url: string; vmId: string }

beforeAll(async () => {
  setup = await commands.gwRecStart({ vncPassword: VNC_PASSWORD })
})
afterAll(async () => {
  cleanup()
  await commands.gwRecStop(setup.id)
})

describe('a session the gateway recorded, replayed', () => {
  it('the replay at 8x ends on the live session last frame; no ticket or password in the file', async () => {
    const { getUrl, connectionKey } = gatewayConsoleOptions({
      gateway: setup.url,
      target: { provider: 'cloudtower', vmId: setup.vmId },
    })
    const live = render(
      <ConsoleViewer
        getUrl={getUrl}
        connectionKey={connectionKey}
        credentials={{ password: VNC_PASSWORD }}
        style={{ width: 800, height: 600 }}
      />,
    )
    const root = await loadedConsole(live.container)
    await expect.poll(() => root.dataset.state, { timeout: 15_000 }).toBe('connected')
    const canvas = consoleCanvas(root)
    if (!canvas) throw new Error('no canvas after connecting')
    await expect.poll(() => canvasText(canvas).colours, { timeout: 10_000 }).toBeGreaterThan(2)
    const early = canvas.toDataURL()
    await new Promise((resolve) => setTimeout(resolve, LIVE_MS))
    // Nothing changes on the VM from here: what the canvas settles on is the last frame both the
    // browser and the recording got; closing the viewer then ends the session and its recording.
    await commands.gwRecFreeze(setup.id)
    const liveHash = await settledCanvasHash(canvas)
    expect(canvas.toDataURL(), 'the screen changed while live').not.toBe(early)
    live.unmount()

    const file = await commands.gwRecFile(setup.id)
    expect(file.files).toHaveLength(1)
    expect(file.files[0]).toMatch(/\.rvcrec$/)
    const recording = Uint8Array.from(atob(file.recording), (char) => char.charCodeAt(0))
    const text = new TextDecoder('latin1').decode(recording)
    expect(file.tickets.length).toBeGreaterThan(0)
    expect(file.consoleTokens.length).toBeGreaterThan(0)
    for (const secret of [...file.tickets, ...file.consoleTokens, file.adminToken, VNC_PASSWORD])
      expect(text.includes(secret), `a secret (${secret.length} chars) in the recording`).toBe(
        false,
      )

    const started = performance.now()
    const replay = render(
      <ConsoleReplay src={recording} defaultSpeed={8} style={{ width: 800, height: 660 }} />,
    )
    const replayRoot = () => replay.container.querySelector<HTMLElement>('[data-rvc-replay]')!
    await expect.poll(() => replayRoot().dataset.state, { timeout: 20_000 }).toBe('ended')
    const replayMs = performance.now() - started
    const replayCanvas = replayRoot().querySelector('canvas')
    if (!replayCanvas) throw new Error('no canvas in the replay')
    expect(await settledCanvasHash(replayCanvas)).toBe(liveHash)
    console.log(
      `gateway recording: ${recording.length} bytes for ${LIVE_MS} ms of changing screen, replayed at 8x in ${replayMs.toFixed(0)} ms`,
    )
  })
})
