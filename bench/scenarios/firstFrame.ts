import type { ConsoleKind, MountSpec } from '../page/BenchApi.ts'
import type { BenchEnv } from '../lib/BenchEnv.ts'
import { callPage } from '../lib/callPage.ts'
import { CONFIG } from '../lib/CONFIG.ts'
import { FIRST_FRAME_SIZE } from '../lib/FIRST_FRAME_SIZE.ts'
import { newPage } from '../lib/newPage.ts'
import { openPage } from '../lib/openPage.ts'
import { rotate } from '../lib/rotate.ts'

/**
 * Mount → first frame, interleaved: bare noVNC, ConsoleViewer with a ready URL (code loaded, and
 * chunks cold: what a portal's first console costs), CloudTowerConsole cold and warm.
 */
type FirstFrameVariant = 'bare' | 'viewer' | 'viewerCold' | 'cloudtowerCold' | 'cloudtowerWarm'
const COLD: ReadonlySet<FirstFrameVariant> = new Set(['viewerCold', 'cloudtowerCold'])

export async function firstFrame(env: BenchEnv) {
  const { page } = await newPage(env)
  // Which console each variant mounts; their order is the order of a rep (rotated each rep).
  const kinds: Record<FirstFrameVariant, ConsoleKind> = {
    bare: 'bare',
    viewer: 'viewer',
    viewerCold: 'viewer',
    cloudtowerCold: 'cloudtower',
    cloudtowerWarm: 'cloudtower',
  }
  const variants = Object.keys(kinds) as FirstFrameVariant[]
  const perVariant = () =>
    Object.fromEntries(variants.map((variant) => [variant, [] as number[]])) as Record<
      FirstFrameVariant,
      number[]
    >
  const samples = perVariant()
  const socket = perVariant()
  // The cold CloudTowerConsole's timeline: its credential request sent and answered (ms).
  const fetchStart: number[] = []
  const fetchEnd: number[] = []
  const roundTrip: number[] = []
  // import('react-vnc') on a fresh page: what a cold CloudTowerConsole loads beside its fetch.
  const chunk: number[] = []
  // Rep -1 warms up the servers, the HTTP cache and the JIT, and is not recorded.
  for (let rep = -1; rep < CONFIG.reps; rep++) {
    for (const variant of rotate(variants, rep)) {
      // A fresh page each time: no warm JIT or sockets from the previous sample, and a real
      // lazy chunk load for the cold variant (served from the browser cache after the first).
      await openPage(page, env.prodUrl, env.token)
      if (!COLD.has(variant)) {
        const ms = await callPage(page, 'preload')
        if (rep >= 0) chunk.push(ms)
      } else if (await callPage(page, 'loaded'))
        throw new Error(`react-vnc loaded before a cold mount (${variant})`)
      const spec: MountSpec = { kind: kinds[variant], vmId: env.vm, ...FIRST_FRAME_SIZE }
      const result = await callPage(page, 'mount', spec)
      if (rep < 0) continue
      samples[variant].push(result.firstFrameMs ?? NaN)
      socket[variant].push(result.socketMs ?? NaN)
      if (variant === 'cloudtowerCold') {
        fetchStart.push(result.fetchStartMs ?? NaN)
        fetchEnd.push(result.fetchEndMs ?? NaN)
      }
      // The ready URL's fetch is the first API call of a fresh page, like the console's own.
      if (result.urlFetchMs !== null) roundTrip.push(result.urlFetchMs)
    }
  }
  await page.close()
  return { samples, socket, fetchStart, fetchEnd, roundTrip, chunk }
}
