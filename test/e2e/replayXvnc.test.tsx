// Recording and replay against TigerVNC's Xvnc (a real xterm): noVNC gets Tight and ZRLE from it,
// whose zlib streams carry state from one message to the next, so the replay must hand noVNC
// every server message, in order, for the last frame to match.
import { cleanup, render } from '@testing-library/react'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { commands, userEvent } from 'vitest/browser'
import { ConsoleViewer } from '../../src/react/lazy/ConsoleViewer.js'
import { ConsoleReplay } from '../../src/react/replay/ConsoleReplay.js'
import { canvasText } from '../support/canvasText.js'
import { settledCanvasHash } from '../support/settledCanvasHash.js'

let desktop: { id: string; vncPort: number }
let vm: { id: string; url: string }

beforeAll(async () => {
  desktop = await commands.e2eStartXterm()
  vm = await commands.recStartVm({ vncPort: desktop.vncPort })
})
afterAll(async () => {
  cleanup()
  await commands.recStopVm(vm.id)
  await commands.e2eStopAll()
})

const canvasOf = (root: Element) => {
  const canvas = root.querySelector('canvas')
  if (!canvas) throw new Error('no canvas')
  return canvas
}

describe('Xvnc session recorded and replayed', () => {
  it('the replay at 8x ends on the live session last frame', async () => {
    const live = render(<ConsoleViewer url={vm.url} style={{ width: 800, height: 600 }} />)
    const root = () => live.container.querySelector<HTMLElement>('[data-rvc-console]')!
    await expect.poll(() => root().dataset.state, { timeout: 20_000 }).toBe('connected')
    const canvas = canvasOf(root())
    await expect.poll(() => canvasText(canvas).colours, { timeout: 10_000 }).toBeGreaterThan(1)
    await userEvent.click(canvas)
    const early = await settledCanvasHash(canvas)
    // About 4 s of typing: the xterm echoes each key, so the screen keeps changing.
    for (const char of 'the quick brown fox jumps over the lazy dog 0123456789') {
      await userEvent.keyboard(char)
      await new Promise((resolve) => setTimeout(resolve, 60))
    }
    const cut = await commands.recCut(vm.id)
    const liveHash = await settledCanvasHash(canvas)
    expect(liveHash).not.toBe(early)
    live.unmount()
    expect(cut.outcome.complete).toBe(true)
    const recording = Uint8Array.from(atob(cut.recording), (char) => char.charCodeAt(0))

    const replay = render(
      <ConsoleReplay src={recording} defaultSpeed={8} style={{ width: 800, height: 640 }} />,
    )
    const replayRoot = () => replay.container.querySelector<HTMLElement>('[data-rvc-replay]')!
    await expect.poll(() => replayRoot().dataset.state, { timeout: 20_000 }).toBe('ended')
    expect(await settledCanvasHash(canvasOf(replayRoot()))).toBe(liveHash)
    console.log(
      `Xvnc recording: ${recording.length} bytes, ${cut.outcome.bytes} accepted by the sink`,
    )
  })
})
