import type { BenchResults } from './BenchResults.ts'

type ChurnKind = keyof BenchResults['cycles']

/** How the heap and the live console objects changed over the mount/unmount cycles, per kind. */
export function churnGrowth(cycles: BenchResults['cycles']) {
  // Growth without the DevTools network log of the bench's own CDP connection (see liveObjects).
  const growth = (kind: ChurnKind, from: 'Before' | 'Half') => {
    const c = cycles[kind]
    const devtools = c.liveAfter.devtoolsBytes - c[`live${from}`].devtoolsBytes
    return c.heapAfter - c[`heap${from}`] - devtools
  }
  const heapRatio = (kind: ChurnKind) => growth(kind, 'Before') / cycles[kind].heapBefore
  const rawRatio = (kind: ChurnKind) => cycles[kind].heapAfter / cycles[kind].heapBefore - 1
  const secondHalf = (kind: ChurnKind) => growth(kind, 'Half')
  const live = (kind: ChurnKind) => {
    const { liveBefore: a, liveAfter: b } = cycles[kind]
    return `canvases ${a.canvases}→${b.canvases}, WebSockets ${a.sockets}→${b.sockets}, ResizeObservers ${a.resizeObservers}→${b.resizeObservers}`
  }
  return { growth, heapRatio, rawRatio, secondHalf, live }
}
