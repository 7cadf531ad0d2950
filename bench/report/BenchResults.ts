import type { churn } from '../scenarios/churn.ts'
import type { commitsWhileAnimating } from '../scenarios/commitsWhileAnimating.ts'
import type { firstFrame } from '../scenarios/firstFrame.ts'
import type { grid } from '../scenarios/grid.ts'
import type { inputLatency } from '../scenarios/inputLatency.ts'
import type { linkProfiles } from '../scenarios/linkProfiles.ts'
import type { reconnect } from '../scenarios/reconnect.ts'
import type { startVm } from '../scenarios/startVm.ts'
import type { strictCounts } from '../scenarios/strictCounts.ts'

/** What the scenarios measured, by the names the report and the JSON have always used. */
export interface BenchResults {
  first: Awaited<ReturnType<typeof firstFrame>>
  keys: Awaited<ReturnType<typeof inputLatency>>
  again: Awaited<ReturnType<typeof reconnect>>
  starts: Awaited<ReturnType<typeof startVm>>
  grids: Awaited<ReturnType<typeof grid>>
  cycles: Awaited<ReturnType<typeof churn>>
  strict: Awaited<ReturnType<typeof strictCounts>>
  commits: Awaited<ReturnType<typeof commitsWhileAnimating>>
  links: Awaited<ReturnType<typeof linkProfiles>>
}
