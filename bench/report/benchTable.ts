import { CONFIG } from '../lib/CONFIG.ts'
import { summarize } from '../lib/summarize.ts'
import type { BenchResults } from './BenchResults.ts'
import { churnGrowth } from './churnGrowth.ts'
import { fmt } from './fmt.ts'
import type { summarizeResults } from './summarizeResults.ts'

const perMount = (values: number[]) => summarize(values).median

/** The comparison table, bare noVNC beside react-vm-console, as Markdown. */
export function benchTable(
  { again, starts, cycles, strict, commits }: BenchResults,
  { s, gBare, gOurs }: ReturnType<typeof summarizeResults>,
): string {
  const { ms, medP90, pct, kb } = fmt
  const { heapRatio, secondHalf } = churnGrowth(cycles)
  const rows: string[][] = [
    ['Measure (median / p90)', 'bare noVNC', 'react-vm-console', 'ours vs bare'],
    [
      'Mount → first frame, ready URL (ms)',
      medP90(s.bare),
      `ConsoleViewer ${medP90(s.viewer)}`,
      `${(s.viewer.median / s.bare.median).toFixed(3)}×`,
    ],
    [
      '… of which mount → websocket created (ms)',
      medP90(s.socketBare),
      `ConsoleViewer ${medP90(s.socketViewer)}`,
      `+${ms(s.socketViewer.median - s.socketBare.median)} ms`,
    ],
    [
      '… of which websocket created → first frame (ms)',
      medP90(s.afterSocketBare),
      `ConsoleViewer ${medP90(s.afterSocketViewer)}`,
      `${(s.afterSocketViewer.median / s.afterSocketBare.median).toFixed(3)}×`,
    ],
    [
      'Mount → first frame, ready URL, chunks cold (ms)',
      medP90(s.bare),
      `ConsoleViewer ${medP90(s.viewerCold)} (websocket created at ${ms(s.socketViewerCold.median)})`,
      `${(s.viewerCold.median / s.bare.median).toFixed(3)}×`,
    ],
    [
      'Mount → first frame, CloudTowerConsole, chunk cold (ms)',
      '',
      medP90(s.cold),
      `+${ms(s.cold.median - s.bare.median)} ms`,
    ],
    [
      '… of which mount → request sent / answered / websocket created (ms)',
      '',
      `${ms(s.fetchStartCold.median)} / ${ms(s.fetchEndCold.median)} / ${ms(s.socketCold.median)}`,
      '',
    ],
    [
      'Mount → first frame, CloudTowerConsole, chunk loaded (ms)',
      '',
      medP90(s.warm),
      `+${ms(s.warm.median - s.bare.median)} ms`,
    ],
    ['API round trip: one credential fetch (ms)', '', medP90(s.rtt), ''],
    ['Lazy chunks: react-vnc + viewer on a fresh page (ms)', '', medP90(s.chunk), ''],
    [
      'WebSockets / credential fetches per mount, StrictMode dev',
      `react-vnc alone: ${perMount(strict.vncscreen.sockets)} / –`,
      `${perMount(strict.cloudtower.sockets)} / ${perMount(strict.cloudtower.fetches)}`,
      '',
    ],
    [
      'React commits/s while the screen changes (dev)',
      '',
      `${commits.commitsPerSecond.toFixed(2)} at ${commits.framesPerSecond.toFixed(1)} frames/s (${commits.mountCommits} while connecting)`,
      '',
    ],
    [
      `Reconnect: drop → next frame, fresh token (ms, delay ${again.policy.baseDelayMs} ms)`,
      '',
      `${medP90(s.frame)} (beyond delay ${medP90(s.beyond)})`,
      '',
    ],
    [
      `Start VM click → connected / first frame, CloudTowerConsole (ms, cloud's start delay ${starts.delayMs} ms)`,
      '',
      `connected ${medP90(s.startConnected)}; frame ${medP90(s.startFrame)} (beyond delay ${medP90(s.startBeyond)})`,
      '',
    ],
    [
      `${CONFIG.cycles} mount/unmount: open sockets after`,
      String(cycles.bare.socketsOpenAfter),
      `CloudTowerConsole ${cycles.cloudtower.socketsOpenAfter}, ConsoleViewer ${cycles.viewer.socketsOpenAfter}`,
      '',
    ],
    [
      `${CONFIG.cycles} mount/unmount: JS heap after GC vs before (no DevTools log)`,
      `${pct(heapRatio('bare'))} (2nd half ${kb(secondHalf('bare'))})`,
      `CloudTowerConsole ${pct(heapRatio('cloudtower'))} (2nd half ${kb(secondHalf('cloudtower'))}); ConsoleViewer ${pct(heapRatio('viewer'))} (2nd half ${kb(secondHalf('viewer'))})`,
      '',
    ],
    [
      `${CONFIG.grid} consoles: connected`,
      `${gBare.connected}/${CONFIG.grid}`,
      `${gOurs.connected}/${CONFIG.grid}`,
      '',
    ],
    [
      `${CONFIG.grid} consoles: mount → all painted (ms, incl. fetches)`,
      ms(gBare.allPainted.median),
      ms(gOurs.allPainted.median),
      `${(gOurs.allPainted.median / gBare.allPainted.median).toFixed(2)}×`,
    ],
    [
      `${CONFIG.grid} consoles: frames/s each (median / min)`,
      `${gBare.fps.median.toFixed(1)} / ${gBare.fps.min.toFixed(1)}`,
      `${gOurs.fps.median.toFixed(1)} / ${gOurs.fps.min.toFixed(1)}`,
      `${(gOurs.fps.median / gBare.fps.median).toFixed(2)}×`,
    ],
    [
      `${CONFIG.grid} consoles: main-thread busy % (long tasks)`,
      `${gBare.busy.median.toFixed(1)} % (${gBare.longTasks})`,
      `${gOurs.busy.median.toFixed(1)} % (${gOurs.longTasks})`,
      `${(gOurs.busy.median / gBare.busy.median).toFixed(2)}×`,
    ],
    [
      'Input latency: key press → KeyEvent at the server (ms)',
      medP90(s.keysBare),
      medP90(s.keysOurs),
      `${(s.keysOurs.median / s.keysBare.median).toFixed(2)}×`,
    ],
  ]
  const table = [
    `| ${rows[0]?.join(' | ')} |`,
    `| ${rows[0]?.map(() => '---').join(' | ')} |`,
    ...rows.slice(1).map((row) => `| ${row.join(' | ')} |`),
  ].join('\n')
  return table
}
