import { expect, it, vi } from 'vitest'
import { EarlyUrlFetch } from './EarlyUrlFetch.js'
import type { EarlySocket } from './EarlySocket.js'

/** Stands for the socket opener: records the URLs it opened and the sockets closed. */
function fakeSockets() {
  const opened: string[] = []
  const closed: string[] = []
  const open = (url: string) => {
    opened.push(url)
    return { close: () => closed.push(url) } as unknown as EarlySocket
  }
  return { open, opened, closed }
}
const { open } = fakeSockets()

it('hands its pending URL to the first attempt of the same key, once', async () => {
  const getUrl = vi.fn((signal: AbortSignal) => {
    expect(signal.aborted).toBe(false)
    return Promise.resolve('wss://h/websockify?token=t')
  })
  const early = new EarlyUrlFetch('k', getUrl, open)
  expect(early.url).toBeUndefined()
  const attempt = new AbortController()
  await expect(early.take('k', attempt.signal)).resolves.toBe('wss://h/websockify?token=t')
  expect(early.url).toBe('wss://h/websockify?token=t')
  expect(early.take('k', new AbortController().signal)).toBeUndefined()
  expect(getUrl).toHaveBeenCalledTimes(1)
})

it('cancels the fetch when the attempt that took it is cancelled', () => {
  let fetchSignal: AbortSignal | undefined
  const early = new EarlyUrlFetch(
    'k',
    (signal) => {
      fetchSignal = signal
      return new Promise<string>(() => {})
    },
    open,
  )
  const attempt = new AbortController()
  void early.take('k', attempt.signal)
  expect(fetchSignal?.aborted).toBe(false)
  attempt.abort()
  expect(fetchSignal?.aborted).toBe(true)
})

it('cancels the fetch for another key, or when released untaken', () => {
  const signals: AbortSignal[] = []
  const getUrl = (signal: AbortSignal) => {
    signals.push(signal)
    return new Promise<string>(() => {})
  }
  const moved = new EarlyUrlFetch('old', getUrl, open)
  expect(moved.take('new', new AbortController().signal)).toBeUndefined()
  const dropped = new EarlyUrlFetch('k', getUrl, open)
  dropped.release()
  expect(signals.map((s) => s.aborted)).toEqual([true, true])
  const kept = new EarlyUrlFetch('k', getUrl, open)
  void kept.take('k', new AbortController().signal)
  kept.release()
  expect(signals[2]?.aborted).toBe(false)
})

it('turns a getUrl that throws at once into a rejection for the attempt', async () => {
  const early = new EarlyUrlFetch(
    'k',
    () => {
      throw new Error('no endpoint')
    },
    open,
  )
  await expect(early.take('k', new AbortController().signal)).rejects.toThrow('no endpoint')
})

it('opens the socket on its URL while untaken, and closes it when released or moved', async () => {
  const sockets = fakeSockets()
  const url = (name: string) => () => Promise.resolve(`wss://h/websockify?token=${name}`)
  const released = new EarlyUrlFetch('k', url('a'), sockets.open)
  const moved = new EarlyUrlFetch('k', url('b'), sockets.open)
  const taken = new EarlyUrlFetch('k', url('c'), sockets.open)
  const early = new EarlyUrlFetch('k', url('d'), sockets.open)
  const page = new EarlyUrlFetch(
    'k',
    () => Promise.resolve('https://h/vnc_auto.html'),
    sockets.open,
  )
  // Taken before its URL came: the attempt opens the socket itself.
  void taken.take('k', new AbortController().signal)
  await new Promise((resolve) => setTimeout(resolve, 0))
  expect(sockets.opened).toEqual(['a', 'b', 'd'].map((t) => `wss://h/websockify?token=${t}`))
  expect(page.socket).toBeUndefined()
  expect(early.socket).toBeDefined()
  released.release()
  expect(moved.take('other', new AbortController().signal)).toBeUndefined()
  // The attempt that takes a socket owns it: releasing the shell then closes nothing.
  expect(early.take('k', new AbortController().signal)).toBeDefined()
  early.release()
  expect(sockets.closed).toEqual(['a', 'b'].map((t) => `wss://h/websockify?token=${t}`))
})

it('kept by the shell that owns it, through StrictMode’s cleanup and remount; released when disowned for good', async () => {
  const sockets = fakeSockets()
  const owner = {}
  const kept = new EarlyUrlFetch(
    'k',
    () => Promise.resolve('wss://h/websockify?token=a'),
    sockets.open,
  )
  await new Promise((resolve) => setTimeout(resolve, 0))
  expect(kept.own(owner)).toBe(true)
  expect(kept.own({})).toBe(false)
  kept.disown(owner)
  expect(kept.own(owner)).toBe(true)
  await Promise.resolve()
  expect(sockets.closed).toEqual([])
  kept.disown({})
  kept.disown(owner)
  await Promise.resolve()
  expect(sockets.closed).toEqual(['wss://h/websockify?token=a'])
})

it('a fetch no effect owns (a render that never committed) is given up after a while', async () => {
  vi.useFakeTimers()
  try {
    let signal: AbortSignal | undefined
    new EarlyUrlFetch(
      'k',
      (s) => {
        signal = s
        return new Promise<string>(() => {})
      },
      open,
    )
    const owned = new EarlyUrlFetch('k', (s) => new Promise<string>(() => void s), open)
    owned.own({})
    await vi.advanceTimersByTimeAsync(4_000)
    expect(signal?.aborted).toBe(false)
    await vi.advanceTimersByTimeAsync(2_000)
    expect(signal?.aborted).toBe(true)
    expect(owned.take('k', new AbortController().signal)).toBeDefined()
  } finally {
    vi.useRealTimers()
  }
})
