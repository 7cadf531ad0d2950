import { expect, it, vi } from 'vitest'
import { EarlyUrlFetch } from './EarlyUrlFetch.js'

it('hands its pending URL to the first attempt of the same key, once', async () => {
  const getUrl = vi.fn((signal: AbortSignal) => {
    expect(signal.aborted).toBe(false)
    return Promise.resolve('wss://h/websockify?token=t')
  })
  const early = new EarlyUrlFetch('k', getUrl)
  expect(early.url).toBeUndefined()
  const attempt = new AbortController()
  await expect(early.take('k', attempt.signal)).resolves.toBe('wss://h/websockify?token=t')
  expect(early.url).toBe('wss://h/websockify?token=t')
  expect(early.take('k', new AbortController().signal)).toBeUndefined()
  expect(getUrl).toHaveBeenCalledTimes(1)
})

it('cancels the fetch when the attempt that took it is cancelled', () => {
  let fetchSignal: AbortSignal | undefined
  const early = new EarlyUrlFetch('k', (signal) => {
    fetchSignal = signal
    return new Promise<string>(() => {})
  })
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
  const moved = new EarlyUrlFetch('old', getUrl)
  expect(moved.take('new', new AbortController().signal)).toBeUndefined()
  const dropped = new EarlyUrlFetch('k', getUrl)
  dropped.release()
  expect(signals.map((s) => s.aborted)).toEqual([true, true])
  const kept = new EarlyUrlFetch('k', getUrl)
  void kept.take('k', new AbortController().signal)
  kept.release()
  expect(signals[2]?.aborted).toBe(false)
})

it('turns a getUrl that throws at once into a rejection for the attempt', async () => {
  const early = new EarlyUrlFetch('k', () => {
    throw new Error('no endpoint')
  })
  await expect(early.take('k', new AbortController().signal)).rejects.toThrow('no endpoint')
})
