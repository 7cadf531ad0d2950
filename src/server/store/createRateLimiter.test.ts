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

  it('forgets the emptied windows of many keys, so varying addresses cannot grow it without bound', () => {
    const limiter = createRateLimiter(1, 1_000)
    for (let i = 0; i <= 10_000; i++) limiter.take(`2001:db8::${i.toString(16)}`, 0)
    expect(limiter.size).toBe(10_001)
    limiter.take('late', 2_000)
    expect(limiter.size).toBe(1)
  })
})
