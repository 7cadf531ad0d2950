// Recording and replay against TigerVNC's Xvnc (a real xterm): noVNC gets Tight and ZRLE from it,
// whose zlib streams carry state from one message to the next, so the replay must hand noVNC
// every server message, in order, for the last frame to match.
import { cleanup, render } from '@testing-library/react'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { commands, userEvent } from 'vitest/browser'
import { ConsoleViewer } from '../../src/react/lazy/ConsoleViewer.js'
import { ConsoleReplay } from '../../src/react/replay/ConsoleReplay.js'
import { canvasText } from '../support/canvasText.js'

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

async function hashOf(canvas: HTMLCanvasElement): Promise<string> {
  const context = canvas.getContext('2d')
  if (!context || canvas.width === 0) return 'empty'
  const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', pixels))
  return `${canvas.width}x${canvas.height}:${[...digest].map((b) => b.toString(16).padStart(2, '0')).join('')}`
}

async function settledHash(canvas: HTMLCanvasElement): Promise<string> {
  let last = await hashOf(canvas)
  for (let i = 0; i < 50; i++) {
    await new Promise((resolve) => setTimeout(resolve, 300))
    const now = await hashOf(canvas)
    if (now === last) return now
    last = now
  }
  throw new Error('the canvas never settled')
}

describe('Xvnc session recorded and replayed', () => {
  it('the replay at 8x ends on the live session last frame', async () => {
    const live = render(<ConsoleViewer url={vm.url} style={{ width: 800, height: 600 }} />)
    const root = () => live.container.querySelector<HTMLElement>('[data-rvc-console]')!
    await expect.poll(() => root().dataset.state, { timeout: 20_000 }).toBe('connected')
    const canvas = canvasOf(root())
    await expect.poll(() => canvasText(canvas).colours, { timeout: 10_000 }).toBeGreaterThan(1)
    await userEvent.click(canvas)
    const early = await settledHash(canvas)
    // About 4 s of typing: the xterm echoes each key, so the screen keeps changing.
    for (const char of 'the quick brown fox jumps over the lazy dog 0123456789') {
      await userEvent.keyboard(char)
      await new Promise((resolve) => setTimeout(resolve, 60))
    }
    const cut = await commands.recCut(vm.id)
    const liveHash = await settledHash(canvas)
    expect(liveHash).not.toBe(early)
    live.unmount()
    expect(cut.outcome.complete).toBe(true)
    const recording = Uint8Array.from(atob(cut.recording), (char) => char.charCodeAt(0))

    const replay = render(
      <ConsoleReplay src={recording} defaultSpeed={8} style={{ width: 800, height: 640 }} />,
    )
    const replayRoot = () => replay.container.querySelector<HTMLElement>('[data-rvc-replay]')!
    await expect.poll(() => replayRoot().dataset.state, { timeout: 20_000 }).toBe('ended')
    expect(await settledHash(canvasOf(replayRoot()))).toBe(liveHash)
    console.log(
      `Xvnc recording: ${recording.length} bytes, ${cut.outcome.bytes} accepted by the sink`,
    )
  })
})
