import { expect, it } from 'vitest'
import { reconnectDelay } from './reconnectDelay.js'

const middle = () => 0.5

it('doubles from one second and stops at the cap', () => {
  expect([1, 2, 3, 4, 5, 6, 7].map((n) => reconnectDelay(n, {}, middle))).toEqual([
    1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000,
  ])
})

it('spreads by the jitter, both ways', () => {
  expect(reconnectDelay(1, { jitter: 0.2 }, () => 0)).toBe(800)
  expect(reconnectDelay(1, { jitter: 0.2 }, () => 1)).toBe(1_200)
  expect(reconnectDelay(3, { jitter: 0 }, Math.random)).toBe(4_000)
})

it('follows a custom policy and clamps nonsense', () => {
  expect(reconnectDelay(3, { baseDelayMs: 100, maxDelayMs: 250, jitter: 0 })).toBe(250)
  expect(reconnectDelay(0, { jitter: 5 }, () => 0)).toBe(0)
})
