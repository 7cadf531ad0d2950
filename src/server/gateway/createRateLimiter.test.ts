import { describe, expect, it } from 'vitest'
import { createRateLimiter } from './createRateLimiter.js'

describe('createRateLimiter', () => {
  it('allows `limit` per window per key, sliding', () => {
    const limiter = createRateLimiter(2, 1_000)
    expect(limiter.take('a', 0)).toBe(true)
    expect(limiter.take('a', 100)).toBe(true)
    expect(limiter.take('a', 200)).toBe(false)
    expect(limiter.take('b', 200)).toBe(true)
    expect(limiter.retryAfterMs('a', 200)).toBe(800)
    expect(limiter.take('a', 1_000)).toBe(true)
    expect(limiter.retryAfterMs('a', 1_000)).toBe(100)
  })
})
