import { CONFIG } from '../lib/CONFIG.ts'
import { machineLine, type Machine } from '../lib/describeMachine.ts'
import { fmt } from './fmt.ts'

/** The printed report: the table, the goals met or missed, and how the numbers were taken. */
export function benchMarkdown(
  table: string,
  goals: readonly { name: string; goal: string; measured: string; met: boolean }[],
  machine: Machine,
): string {
  const goalList = goals
    .map(
      (goal) =>
        `- ${fmt.mark(goal.met)} ${goal.name}: goal ${goal.goal}, measured ${goal.measured}`,
    )
    .join('\n')
  const notes = [
    `Machine: ${machineLine(machine)}.`,
    `${machine.cores} cores shared by Chromium and one Node process (fake cloud, VNC servers, Vite proxy, Playwright); other work may have run at the same time (see the load average), so compare ratios, not absolute times.`,
    `Samples: first frame ${CONFIG.reps} per variant on fresh pages, bare and ours interleaved (production build); keys ${CONFIG.keys} per variant; ${CONFIG.reconnects} drops; ${CONFIG.gridReps}× ${CONFIG.seconds} s per grid; StrictMode and commits in the development build.`,
    'First frame = the first noVNC flip (drawImage onto the visible canvas) that shows the marker the VNC server paints; the same hook for every variant.',
  ]
  return `${table}\n\n${goalList}\n\n${notes.map((note) => `_${note}_`).join('\n\n')}\n`
}
