import { describe, expect, it } from 'vitest'
import { formatReplayTime } from './formatReplayTime.js'

describe('formatReplayTime', () => {
  it('shows minutes and seconds, hours when there are some', () => {
    expect(formatReplayTime(0)).toBe('0:00')
    expect(formatReplayTime(999)).toBe('0:00')
    expect(formatReplayTime(61_500)).toBe('1:01')
    expect(formatReplayTime(3_600_000 + 5_000)).toBe('1:00:05')
    expect(formatReplayTime(-5)).toBe('0:00')
  })
})
