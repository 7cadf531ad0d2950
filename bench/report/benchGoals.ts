import { CONFIG } from '../lib/CONFIG.ts'
import { summarize } from '../lib/summarize.ts'
import type { BenchResults } from './BenchResults.ts'
import { churnGrowth } from './churnGrowth.ts'
import { fmt } from './fmt.ts'
import type { Goal } from './Goal.ts'
import { linkGoals } from './linkGoals.ts'
import { medianDifference } from './medianDifference.ts'
import { summarizeLinks } from './summarizeLinks.ts'
import type { summarizeResults } from './summarizeResults.ts'

const all = <T>(values: T[], predicate: (value: T) => boolean) => values.every(predicate)

/** The goals the library sets itself, each with what was measured; missed ones are reported. */
export function benchGoals(
  { first, strict, commits, cycles, links }: BenchResults,
  { s, gOurs }: ReturnType<typeof summarizeResults>,
): Goal[] {
  const { ms, pct, kb, signedMs, interval } = fmt
  const { growth, heapRatio, rawRatio, secondHalf, live } = churnGrowth(cycles)
  const ctBudget = s.bare.median + s.rtt.median + 20
  // Each rep loads bare and ours back to back, so their ratio cancels slow drift in the machine.
  // How far the run can tell CloudTowerConsole cold from bare (the budget allows one API call + 20 ms).
  const overBare = medianDifference(first.samples.cloudtowerCold, first.samples.bare)
  const paired = summarize(
    first.samples.viewer.map((t, i) => t / (first.samples.bare[i] ?? NaN)),
  ).median
  return [
    {
      name: 'ConsoleViewer first frame vs bare noVNC',
      goal: '≤ 1.05×',
      measured: `${(s.viewer.median / s.bare.median).toFixed(3)}× (${ms(s.viewer.median)} vs ${ms(s.bare.median)} ms; median of paired ratios ${paired.toFixed(3)}×; +${ms(s.socketViewer.median - s.socketBare.median)} ms before the websocket opens)`,
      met: s.viewer.median <= 1.05 * s.bare.median,
    },
    {
      name: 'ConsoleViewer first frame, chunks cold, vs bare noVNC (code loaded)',
      goal: '≤ 1.3×',
      measured: `${(s.viewerCold.median / s.bare.median).toFixed(3)}× (${ms(s.viewerCold.median)} vs ${ms(s.bare.median)} ms; websocket created ${ms(s.socketViewerCold.median)} vs ${ms(s.socketBare.median)} ms after mount)`,
      met: s.viewerCold.median <= 1.3 * s.bare.median,
    },
    {
      name: 'CloudTowerConsole first frame (lazy chunk cold)',
      goal: '≤ bare + API round trip + 20 ms',
      measured: `${ms(s.cold.median)} ms vs ${ms(ctBudget)} ms (${ms(s.bare.median)} + ${ms(s.rtt.median)} + 20); over bare ${signedMs(overBare.difference)} ms, ${interval(overBare)}`,
      met: s.cold.median <= ctBudget,
    },
    {
      name: 'WebSockets per mount (StrictMode, development)',
      goal: '1',
      measured: `CloudTowerConsole ${strict.cloudtower.sockets.join(', ')}; ConsoleViewer getUrl ${strict['viewer-geturl'].sockets.join(', ')}`,
      met: all([...strict.cloudtower.sockets, ...strict['viewer-geturl'].sockets], (n) => n === 1),
    },
    {
      name: 'Credential fetches per mount (StrictMode, development)',
      goal: '1',
      measured: `CloudTowerConsole ${strict.cloudtower.fetches.join(', ')} (tokens issued ${strict.cloudtower.tokens.join(', ')}); ConsoleViewer getUrl ${strict['viewer-geturl'].fetches.join(', ')}`,
      met: all(
        [
          ...strict.cloudtower.fetches,
          ...strict.cloudtower.tokens,
          ...strict['viewer-geturl'].fetches,
        ],
        (n) => n === 1,
      ),
    },
    {
      name: 'React commits per second while the screen changes',
      goal: '0',
      measured: `${commits.commitsPerSecond.toFixed(2)} (screen at ${commits.framesPerSecond.toFixed(1)} frames/s)`,
      met: commits.commits === 0,
    },
    {
      name: `Open websockets after ${CONFIG.cycles} mount/unmount cycles`,
      goal: '0',
      measured: `${cycles.cloudtower.socketsOpenAfter} in the page, ${cycles.cloudtower.relaysAfter} relays, ${cycles.cloudtower.serverSessionsAfter} VNC sessions`,
      met:
        cycles.cloudtower.socketsOpenAfter === 0 &&
        cycles.cloudtower.relaysAfter === 0 &&
        cycles.cloudtower.serverSessionsAfter === 0,
    },
    {
      name: `Consoles retained after ${CONFIG.cycles} cycles (heap snapshot after GC)`,
      goal: 'no growth',
      measured: (['cloudtower', 'viewer'] as const)
        .map((kind) => `${kind === 'viewer' ? 'ConsoleViewer' : 'CloudTowerConsole'} ${live(kind)}`)
        .join('; '),
      met: (['cloudtower', 'viewer'] as const).every((kind) =>
        (['canvases', 'sockets', 'resizeObservers'] as const).every(
          (key) => cycles[kind].liveAfter[key] <= cycles[kind].liveBefore[key],
        ),
      ),
    },
    {
      name: `JS heap after GC, ${CONFIG.cycles} cycles after ${CONFIG.warmup} to warm up`,
      goal: '≤ +5 %',
      measured: `${pct(heapRatio('cloudtower'))} = ${kb(growth('cloudtower', 'Before'))} of ${kb(cycles.cloudtower.heapBefore)}, of which ${kb(secondHalf('cloudtower'))} in the second ${CONFIG.cycles - Math.floor(CONFIG.cycles / 2)} cycles (bare noVNC ${pct(heapRatio('bare'))}); with the bench's DevTools network log ${pct(rawRatio('cloudtower'))}`,
      met: heapRatio('cloudtower') <= 0.05,
    },
    {
      name: `${CONFIG.grid} consoles on one page all connected`,
      goal: `${CONFIG.grid}/${CONFIG.grid}`,
      measured: `${gOurs.connected}/${CONFIG.grid}`,
      met: gOurs.connected === CONFIG.grid,
    },
    ...linkGoals(summarizeLinks(links)),
  ]
}
