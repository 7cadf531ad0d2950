import { describe, expect, it } from 'vitest'
import { TypingPace } from './TypingPace.js'

describe('TypingPace', () => {
  it('starts fast, then follows what the server can take', () => {
    const pace = new TypingPace({ eventCostMs: 10, burstMs: 100, maxDelayMs: 200 })
    // Two characters of 4 events: 80 ms of work, within the burst.
    pace.sent(4, 0)
    expect(pace.delay(0, 0)).toBe(0)
    pace.sent(4, 0)
    expect(pace.delay(0, 0)).toBe(0)
    // A third: 120 ms of work queued, 20 ms over the burst.
    pace.sent(4, 0)
    expect(pace.delay(0, 0)).toBe(20)
    // After 20 ms the debt is back at the burst.
    expect(pace.delay(20, 0)).toBe(0)
  })
  it('backs off while the socket holds unsent bytes, and recovers once it drains', () => {
    const pace = new TypingPace({ eventCostMs: 0, burstMs: 0, maxDelayMs: 50 })
    expect(pace.delay(0, 0)).toBe(0)
    expect(pace.delay(0, 10)).toBe(4)
    expect(pace.delay(4, 10)).toBe(8)
    expect(pace.delay(12, 10)).toBe(16)
    expect(pace.delay(28, 10)).toBe(32)
    expect(pace.delay(60, 10)).toBe(50)
    expect(pace.delay(110, 0)).toBe(0)
  })
  it('never waits longer than maxDelayMs', () => {
    const pace = new TypingPace({ eventCostMs: 10, burstMs: 0, maxDelayMs: 200 })
    pace.sent(100, 0)
    expect(pace.delay(0, 0)).toBe(200)
  })
})
