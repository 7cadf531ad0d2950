import type { Goal } from './Goal.ts'
import { fmt } from './fmt.ts'
import { medianDifference } from './medianDifference.ts'
import type { summarizeLinks } from './summarizeLinks.ts'

/**
 * Issue 19's goals on real-world links (loopback has its own goals): ours cold no slower than
 * eager bare cross-origin and over HTTP/2, at most 1.1× same-origin over HTTP/1.1; after preloadConsole(), mount → frame no
 * slower than bare's own connect (its request → frame). Each line also gives the difference of the
 * medians with its 95 % bootstrap interval: with 7 page loads a cell's median moves by several ms.
 */
export function linkGoals({ profiles, cell }: ReturnType<typeof summarizeLinks>): Goal[] {
  const { ms, signedMs, interval } = fmt
  const apart = (a: number[], b: number[]) => {
    const difference = medianDifference(a, b)
    return `difference ${signedMs(difference.difference)} ms, ${interval(difference)}`
  }
  const goals: Goal[] = []
  for (const profile of profiles) {
    if (profile.rttMs === 0) continue
    for (const origin of ['cross', 'same', 'h2'] as const) {
      const bare = cell(profile.name, origin, 'bare')
      const cold = cell(profile.name, origin, 'cold')
      const preload = cell(profile.name, origin, 'preload')
      if (!bare || !cold || !preload) continue
      const where = `${profile.rttMs} ms RTT, ${origin === 'h2' ? 'same-origin over HTTP/2' : `${origin}-origin`}`
      // The issue's goals: no slower cross-origin and under HTTP/2, 1.1× same-origin over HTTP/1.1.
      const limit = origin === 'same' ? 1.1 : 1
      const coldRatio = cold.frame.median / bare.frame.median
      goals.push({
        name: `${where}: CloudTowerConsole cold vs eager bare noVNC (navigation → frame)`,
        goal: `≤ ${limit.toFixed(1)}×`,
        measured: `${coldRatio.toFixed(2)}× (${ms(cold.frame.median)} vs ${ms(bare.frame.median)} ms; ${apart(cold.samples.frame, bare.samples.frame)})`,
        met: cold.failures === 0 && coldRatio <= limit,
      })
      goals.push({
        name: `${where}: after preloadConsole(), mount → frame vs bare's own connect (request → frame)`,
        goal: '≤ 1.0×',
        measured: `${ms(preload.mountToFrame.median)} vs ${ms(bare.connect.median)} ms (${(preload.mountToFrame.median / bare.connect.median).toFixed(2)}×; ${apart(preload.samples.mountToFrame, bare.samples.connect)})`,
        met: preload.failures === 0 && preload.mountToFrame.median <= bare.connect.median,
      })
    }
  }
  return goals
}
