import { describe, expect, it } from 'vitest'
import { joinBytes } from './joinBytes.js'

describe('joinBytes', () => {
  it('joins nothing into an empty array', () => {
    expect(joinBytes([])).toEqual(new Uint8Array(0))
  })

  it('returns back-to-back views of one buffer as one view, without a copy', () => {
    const data = Uint8Array.of(1, 2, 3, 4, 5)
    const joined = joinBytes([data.subarray(1, 2), data.subarray(2, 4)])
    expect(joined.buffer).toBe(data.buffer)
    expect([...joined]).toEqual([2, 3, 4])
  })

  it('copies parts that are not back to back', () => {
    const data = Uint8Array.of(1, 2, 3, 4, 5)
    const joined = joinBytes([data.subarray(0, 1), Uint8Array.of(9), data.subarray(4)])
    expect(joined.buffer).not.toBe(data.buffer)
    expect([...joined]).toEqual([1, 9, 5])
    // A gap within one buffer is not back to back either.
    expect([...joinBytes([data.subarray(0, 1), data.subarray(2, 3)])]).toEqual([1, 3])
  })
})
