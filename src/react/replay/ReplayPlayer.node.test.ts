import { describe, expect, it } from 'vitest'
import type { ReplayPlan } from './planReplay.js'
import { ReplayPlayer } from './ReplayPlayer.js'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const plan = (times: number[], durationMs: number): ReplayPlan => ({
  greeting: new Uint8Array([0xee]),
  frames: times.map((ms, index) => ({ ms, data: new Uint8Array([index]) })),
  durationMs,
  width: 1,
  height: 1,
  name: 'vm',
})

/** What a noVNC client does to the socket: attach (binaryType, onmessage), and what it received. */
function attach(player: ReplayPlayer): number[] {
  const received: number[] = []
  player.socket.binaryType = 'arraybuffer'
  player.socket.onmessage = (event) =>
    received.push(...new Uint8Array((event as { data: ArrayBuffer }).data))
  return received
}

function playerOf(replay: ReplayPlan, options: { speed?: number; autoPlay?: boolean } = {}) {
  const events = { changes: 0, restarts: 0, errors: [] as unknown[] }
  const player = new ReplayPlayer(replay, {
    ...options,
    onChange: () => events.changes++,
    onRestart: () => events.restarts++,
    onError: (error) => events.errors.push(error),
  })
  return { player, events }
}

describe('ReplayPlayer', () => {
  it('gives a client the handshake, then each frame on its time, then ends', async () => {
    const { player } = playerOf(plan([0, 60, 120], 150))
    const received = attach(player)
    await sleep(0)
    expect(received).toEqual([0xee, 0])
    expect(player.state).toBe('playing')
    await sleep(80)
    expect(received).toEqual([0xee, 0, 1])
    await expect.poll(() => player.state).toBe('ended')
    expect(received).toEqual([0xee, 0, 1, 2])
    expect(player.position()).toBe(150)
  })

  it('runs its clock only once a client is attached', async () => {
    const { player } = playerOf(plan([0, 50], 50))
    await sleep(100)
    expect(player.position()).toBe(0)
    const received = attach(player)
    await sleep(0)
    expect(received).toEqual([0xee, 0])
  })

  it('pause holds the position and the frames; speed divides the waits', async () => {
    const { player } = playerOf(plan([0, 400], 400), { speed: 8 })
    const received = attach(player)
    await sleep(0)
    player.pause()
    const held = player.position()
    await sleep(100)
    expect(player.position()).toBe(held)
    expect(received).toEqual([0xee, 0])
    const started = performance.now()
    player.play()
    await expect.poll(() => player.state, { interval: 5 }).toBe('ended')
    // 400 ms of session at 8x: about 50 ms, far below 400.
    expect(performance.now() - started).toBeLessThan(300)
  })

  it('seeks forwards by feeding at once; backwards through a fresh client fed from the start', async () => {
    const { player, events } = playerOf(plan([0, 1_000, 2_000, 3_000], 3_000), { autoPlay: false })
    const first = attach(player)
    await sleep(0)
    expect(first).toEqual([0xee, 0])
    player.seek(2_500)
    expect(first).toEqual([0xee, 0, 1, 2])
    expect(player.state).toBe('paused')
    player.seek(1_500)
    expect(events.restarts).toBe(1)
    // The viewer remounts noVNC on the same socket: the new client gets everything up to 1.5 s.
    player.socket.close()
    const second = attach(player)
    await sleep(0)
    expect(second).toEqual([0xee, 0, 1])
    expect(first).toEqual([0xee, 0, 1, 2])
    player.seek(3_000)
    expect(player.state).toBe('ended')
    expect(second).toEqual([0xee, 0, 1, 2, 3])
  })

  it('Play once ended starts over', async () => {
    const { player, events } = playerOf(plan([0], 10))
    attach(player)
    await expect.poll(() => player.state).toBe('ended')
    player.play()
    expect(events.restarts).toBe(1)
    expect(player.position()).toBe(0)
  })

  it('a client that throws on a message stops the replay with an error, nothing thrown', async () => {
    const { player, events } = playerOf(plan([0], 10))
    player.socket.binaryType = 'arraybuffer'
    player.socket.onmessage = () => {
      throw new Error('noVNC failed')
    }
    await sleep(0)
    expect(events.errors).toHaveLength(1)
    expect(player.state).toBe('paused')
  })

  it('waits while the client holds a large backlog', async () => {
    let backlog = 100 * 1024 * 1024
    const events = { changes: 0 }
    const player = new ReplayPlayer(plan([0, 1, 2], 2), {
      onChange: () => events.changes++,
      onRestart: () => {},
      onError: () => {},
      backlog: () => backlog,
    })
    const received = attach(player)
    await sleep(30)
    expect(received).toEqual([0xee])
    backlog = 0
    await expect.poll(() => player.state).toBe('ended')
    expect(received).toEqual([0xee, 0, 1, 2])
  })
})
