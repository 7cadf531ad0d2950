import type { CDPSession } from 'playwright-core'

/** Chromium's main-thread task time so far and when it was read (seconds). */
export async function taskSeconds(cdp: CDPSession): Promise<{ task: number; at: number }> {
  const { metrics } = await cdp.send('Performance.getMetrics')
  const value = (name: string) => metrics.find((metric) => metric.name === name)?.value ?? NaN
  return { task: value('TaskDuration'), at: value('Timestamp') }
}
