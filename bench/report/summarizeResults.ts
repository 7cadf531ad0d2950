import { summarize } from '../lib/summarize.ts'
import type { BenchResults } from './BenchResults.ts'

type GridKind = BenchResults['grids'][number]['kind']

/** Medians and percentiles of every sample (`s`), and of the grid runs per kind. */
export function summarizeResults({ first, keys, again, starts, grids }: BenchResults) {
  const s = {
    bare: summarize(first.samples.bare),
    viewer: summarize(first.samples.viewer),
    viewerCold: summarize(first.samples.viewerCold),
    cold: summarize(first.samples.cloudtowerCold),
    warm: summarize(first.samples.cloudtowerWarm),
    rtt: summarize(first.roundTrip),
    chunk: summarize(first.chunk),
    socketBare: summarize(first.socket.bare),
    socketViewer: summarize(first.socket.viewer),
    socketViewerCold: summarize(first.socket.viewerCold),
    socketCold: summarize(first.socket.cloudtowerCold),
    afterSocketBare: summarize(first.samples.bare.map((t, i) => t - (first.socket.bare[i] ?? 0))),
    afterSocketViewer: summarize(
      first.samples.viewer.map((t, i) => t - (first.socket.viewer[i] ?? 0)),
    ),
    fetchStartCold: summarize(first.fetchStart),
    fetchEndCold: summarize(first.fetchEnd),
    keysBare: summarize(keys.bare),
    keysOurs: summarize(keys.cloudtower),
    close: summarize(again.close),
    frame: summarize(again.frame),
    beyond: summarize(again.beyondDelay),
    startConnected: summarize(starts.connected),
    startFrame: summarize(starts.frame),
    startBeyond: summarize(starts.beyondDelay),
  }
  const gridOf = (kind: GridKind) => grids.filter((run) => run.kind === kind)
  const gridSummary = (kind: GridKind) => {
    const runs = gridOf(kind)
    return {
      connected: Math.min(...runs.map((run) => run.connected)),
      allPainted: summarize(runs.map((run) => run.allPaintedMs)),
      fps: summarize(runs.flatMap((run) => run.fps)),
      busy: summarize(runs.map((run) => run.busyPercent)),
      longTasks: runs.reduce((sum, run) => sum + run.longTasks, 0),
    }
  }
  const gBare = gridSummary('bare')
  const gOurs = gridSummary('cloudtower')
  return { s, gBare, gOurs }
}
