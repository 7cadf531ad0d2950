// Recording and replay end to end in Chromium: a live noVNC session (the library's viewer) against
// the built-in RFB server with VNC Authentication, through a relay that records it as the gateway
// does; then <ConsoleReplay> plays the file through noVNC and must end on the same pixels.
import { cleanup, render } from '@testing-library/react'
import { StrictMode } from 'react'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { commands, userEvent } from 'vitest/browser'
import { ConsoleViewer } from '../../src/react/lazy/ConsoleViewer.js'
import { ConsoleReplay } from '../../src/react/replay/ConsoleReplay.js'
import type { ConsoleReplayState } from '../../src/react/replay/ConsoleReplayProps.js'
import { canvasText } from '../support/canvasText.js'
import { canvasHash } from '../support/canvasHash.js'
import { settledCanvasHash } from '../support/settledCanvasHash.js'

const PASSWORD = 'replay-secret'
/** How long the live session's screen keeps changing. */
const LIVE_MS = 8_000

let vm: { id: string; url: string }
let recording: Uint8Array
let liveHash: string

beforeAll(async () => {
  vm = await commands.recStartVm({ password: PASSWORD })
})
afterAll(async () => {
  cleanup()
  await commands.recStopVm(vm.id)
})

function canvasOf(root: Element): HTMLCanvasElement {
  const canvas = root.querySelector('canvas')
  if (!canvas) throw new Error('no canvas')
  return canvas
}

/** Renders a replay and times it from `playing` to `ended` (performance.now(), ms). */
async function replay(speed: 1 | 8) {
  const times: Partial<Record<ConsoleReplayState, number>> = {}
  const states: ConsoleReplayState[] = []
  const { container } = render(
    <StrictMode>
      <ConsoleReplay
        src={recording}
        defaultSpeed={speed}
        onStateChange={(state) => {
          states.push(state)
          times[state] ??= performance.now()
        }}
        style={{ width: 640, height: 460 }}
      />
    </StrictMode>,
  )
  const root = () => container.querySelector<HTMLElement>('[data-rvc-replay]')!
  await expect.poll(() => root().dataset.state, { timeout: 20_000 }).toBe('ended')
  const wall = times.ended! - times.playing!
  // Each change reported once, StrictMode or not.
  expect(states).toEqual(['loading', 'playing', 'ended'])
  return { root: root(), wall }
}

describe('a recorded session, replayed', () => {
  it('records a live session through the relay (VNC Authentication, a changing screen)', async () => {
    const { container } = render(
      <ConsoleViewer
        url={vm.url}
        credentials={{ password: PASSWORD }}
        style={{ width: 640, height: 400 }}
      />,
    )
    const root = () => container.querySelector<HTMLElement>('[data-rvc-console]')!
    await expect.poll(() => root().dataset.state, { timeout: 15_000 }).toBe('connected')
    const canvas = canvasOf(root())
    await expect.poll(() => canvasText(canvas).colours, { timeout: 10_000 }).toBeGreaterThan(2)
    const early = await canvasHash(canvas)
    await new Promise((resolve) => setTimeout(resolve, LIVE_MS))
    const cut = await commands.recCut(vm.id)
    liveHash = await settledCanvasHash(canvas)
    expect(liveHash).not.toBe(early)
    cleanup()

    expect(cut.outcome).toMatchObject({ complete: true })
    expect(cut.files).toEqual(['session-1.rvcrec'])
    recording = Uint8Array.from(atob(cut.recording), (char) => char.charCodeAt(0))
    expect(recording.length).toBe(cut.outcome.bytes)
    // No secret in the file: the password never crosses the wire, its DES response is not kept.
    expect(new TextDecoder('latin1').decode(recording)).not.toContain(PASSWORD)
  })

  it('ends on the live session last frame; 8x takes at most a sixth of 1x', async () => {
    expect(recording, 'the recording test ran first').toBeDefined()
    const fast = await replay(8)
    expect(await settledCanvasHash(canvasOf(fast.root))).toBe(liveHash)
    cleanup()
    const normal = await replay(1)
    expect(await settledCanvasHash(canvasOf(normal.root))).toBe(liveHash)
    cleanup()
    console.log(
      `replay of ${LIVE_MS} ms of changing screen: 1x ${normal.wall.toFixed(0)} ms, 8x ${fast.wall.toFixed(0)} ms`,
    )
    expect(normal.wall).toBeGreaterThan(LIVE_MS)
    expect(fast.wall).toBeLessThanOrEqual(normal.wall / 6)
  })

  it('keyboard: Home restarts paused, Space plays, End seeks to the end, on the same last frame', async () => {
    const { root } = await replay(8)
    root.focus()
    await userEvent.keyboard('{Home}')
    await expect.poll(() => root.dataset.state).toBe('paused')
    expect(root.querySelector('[data-rvc-replay-time]')?.textContent).toMatch(/^0:00 \/ 0:0\d$/)
    await userEvent.keyboard(' ')
    await expect.poll(() => root.dataset.state).toBe('playing')
    await userEvent.keyboard(' ')
    await expect.poll(() => root.dataset.state).toBe('paused')
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{ArrowUp}')
    expect(root.dataset.speed).toBe('4')
    const seekStarted = performance.now()
    await userEvent.keyboard('{End}')
    await expect.poll(() => root.dataset.state, { interval: 5 }).toBe('ended')
    console.log(
      `seek from the start to the end: ${(performance.now() - seekStarted).toFixed(0)} ms`,
    )
    expect(await settledCanvasHash(canvasOf(root))).toBe(liveHash)
    expect(root.querySelector('[data-rvc-replay-speed="4"]')?.getAttribute('aria-pressed')).toBe(
      'true',
    )
    cleanup()
  })
})

describe('a replay that cannot play', () => {
  const failed = async (src: string | Uint8Array, locale?: string) => {
    const { container } = render(<ConsoleReplay src={src} locale={locale} />)
    const root = () => container.querySelector<HTMLElement>('[data-rvc-replay]')!
    await expect.poll(() => root()?.dataset.state, { timeout: 10_000 }).toBe('error')
    return root().querySelector('[role="alert"]')?.textContent
  }

  it('a file that is not a recording, a newer format, a failed download: operator words', async () => {
    const html = new TextEncoder().encode('<!doctype html><title>Sign in</title>')
    expect(await failed(html)).toBe('This file is not a console recording.')
    expect(await failed(html, 'zh-CN')).toBe('此文件不是控制台录像。')
    const newer = Uint8Array.from([
      ...new TextEncoder().encode('RVCREC'),
      0,
      9,
      0,
      0,
      0,
      2,
      123,
      125,
    ])
    expect(await failed(newer)).toMatch(/newer version of react-vm-console/)
    const missing = await failed('/no-such-recording.rvcrec?signature=s3cret')
    expect(missing).toMatch(/could not be downloaded \(HTTP 404\).*Retry$/)
    expect(document.body.innerHTML).not.toContain('s3cret')
    cleanup()
  })
})
