import type { LinkMarks } from '../page/LinkMarks.ts'
import { summarize, type Summary } from '../lib/summarize.ts'
import type { linkProfiles, LinkOrigin, LinkScenario } from '../scenarios/linkProfiles.ts'

type Links = Awaited<ReturnType<typeof linkProfiles>>
type Mark = Exclude<keyof LinkMarks, 'error' | 'protocol'>

export interface LinkCell {
  n: number
  failures: number
  /** Navigation start → first frame. */
  frame: Summary
  /** The console's mount → first frame. */
  mountToFrame: Summary
  /** Credential request sent → first frame: the page's own connect. */
  connect: Summary
  /** Median of each mark, ms since navigation start. */
  at: Record<Mark, number>
  /** The samples behind `frame`, `mountToFrame` and `connect`, for intervals. */
  samples: { frame: number[]; mountToFrame: number[]; connect: number[] }
}

const MARKS: Mark[] = [
  'mount',
  'requestSent',
  'requestAnswered',
  'codeLoaded',
  'socketCreated',
  'socketOpen',
  'greeting',
  'frame',
]

/** Medians and p90s per link profile, endpoint origin and scenario. */
export function summarizeLinks({ profiles, runs }: Links) {
  const cell = (profile: string, origin: LinkOrigin, scenario: LinkScenario) => {
    const run = runs.find(
      (r) => r.profile === profile && r.origin === origin && r.scenario === scenario,
    )
    if (!run) return undefined
    const of = (mark: Mark) => run.marks.map((m) => m[mark] ?? NaN)
    const minus = (a: Mark, b: Mark) => run.marks.map((m) => (m[a] ?? NaN) - (m[b] ?? NaN))
    const at = Object.fromEntries(MARKS.map((mark) => [mark, summarize(of(mark)).median]))
    const samples = {
      frame: of('frame'),
      mountToFrame: minus('frame', 'mount'),
      connect: minus('frame', 'requestSent'),
    }
    const result: LinkCell = {
      n: run.marks.length,
      failures: run.failures.length,
      frame: summarize(samples.frame),
      mountToFrame: summarize(samples.mountToFrame),
      connect: summarize(samples.connect),
      at: at as Record<Mark, number>,
      samples,
    }
    return result
  }
  return { profiles, cell }
}
