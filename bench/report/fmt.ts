import type { Summary } from '../lib/summarize.ts'

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '–')
/** A difference in ms, with its sign. */
const signedMs = (value: number) => `${value >= 0 ? '+' : '−'}${ms(Math.abs(value))}`

/** How the report writes numbers: milliseconds, median / p90, goal marks, ratios and sizes. */
export const fmt = {
  ms,
  medP90: (s: Summary) => `${ms(s.median)} / ${ms(s.p90)}`,
  signedMs,
  /** A 95 % interval of a difference in ms (bench/report/medianDifference.ts). */
  interval: ({ low, high }: { low: number; high: number }) =>
    `95 % interval ${signedMs(low)} … ${signedMs(high)}`,
  mark: (met: boolean) => (met ? '✅' : '❌'),
  pct: (value: number) => `${value >= 0 ? '+' : ''}${(value * 100).toFixed(1)} %`,
  kb: (bytes: number) => `${bytes >= 0 ? '+' : ''}${(bytes / 1024).toFixed(0)} KB`,
}
