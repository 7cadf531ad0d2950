import { expect, it } from 'vitest'
import { medianDifference } from '../../../bench/report/medianDifference.ts'

it('gives the difference of the medians and an interval around it', () => {
  const a = [500, 505, 498, 510, 502, 507, 499]
  const b = [490, 492, 489, 495, 491, 493, 488]
  const result = medianDifference(a, b)
  expect(result.difference).toBe(502 - 491)
  expect(result.low).toBeLessThanOrEqual(result.difference)
  expect(result.high).toBeGreaterThanOrEqual(result.difference)
  // Clearly apart: every resampled median of a is above every one of b.
  expect(result.low).toBeGreaterThan(0)
})

it('holds 0 when the samples overlap, as noise does', () => {
  const a = [431, 419, 452, 428, 440, 425, 436]
  const b = [424, 433, 418, 447, 421, 438, 429]
  const result = medianDifference(a, b)
  expect(result.low).toBeLessThan(0)
  expect(result.high).toBeGreaterThan(0)
})

it('is reproducible, and NaN without samples', () => {
  const a = [3, 1, 4, 1, 5, 9, 2]
  const b = [2, 7, 1, 8, 2, 8, 1]
  expect(medianDifference(a, b)).toEqual(medianDifference(a, b))
  const empty = medianDifference([], b)
  expect(Number.isNaN(empty.low) && Number.isNaN(empty.high)).toBe(true)
})
