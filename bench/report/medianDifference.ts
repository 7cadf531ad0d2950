import { summarize } from '../lib/summarize.ts'

export interface MedianDifference {
  /** median(a) − median(b). */
  difference: number
  /** A 95 % bootstrap interval of that difference. */
  low: number
  high: number
}

/**
 * The difference of two samples' medians with a 95 % percentile-bootstrap interval: how far 7 page
 * loads on a shared 2-core machine can move a median. An interval that holds 0 means the run cannot
 * tell the two apart. Seeded, so the same samples always print the same interval.
 */
export function medianDifference(
  a: readonly number[],
  b: readonly number[],
  rounds = 4000,
): MedianDifference {
  const difference = summarize(a).median - summarize(b).median
  if (a.length === 0 || b.length === 0) return { difference, low: NaN, high: NaN }
  // A 32-bit LCG (Numerical Recipes): reproducible and plenty for resampling indices.
  let seed = 19
  const random = () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0
    return seed / 2 ** 32
  }
  const resample = (sample: readonly number[]) =>
    sample.map(() => sample[Math.floor(random() * sample.length)] ?? NaN)
  const differences: number[] = []
  for (let round = 0; round < rounds; round++) {
    differences.push(summarize(resample(a)).median - summarize(resample(b)).median)
  }
  differences.sort((x, y) => x - y)
  const at = (p: number) => differences[Math.min(rounds - 1, Math.floor(p * rounds))] ?? NaN
  return { difference, low: at(0.025), high: at(0.975) }
}
