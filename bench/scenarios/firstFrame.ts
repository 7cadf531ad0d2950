import type { ConsoleKind, MountSpec } from '../page/BenchApi.ts'
import type { BenchEnv } from '../lib/BenchEnv.ts'
import { callPage } from '../lib/callPage.ts'
import { CONFIG } from '../lib/CONFIG.ts'
import { FIRST_FRAME_SIZE } from '../lib/FIRST_FRAME_SIZE.ts'
import { newPage } from '../lib/newPage.ts'
import { openPage } from '../lib/openPage.ts'
import { rotate } from '../lib/rotate.ts'

/** Mount → first frame: bare noVNC, ConsoleViewer, CloudTowerConsole cold and warm, interleaved. */
type FirstFrameVariant = 'bare' | 'viewer' | 'cloudtowerCold' | 'cloudtowerWarm'

export async function firstFrame(env: BenchEnv) {
  const { page } = await newPage(env)
  const variants: FirstFrameVariant[] = ['bare', 'viewer', 'cloudtowerCold', 'cloudtowerWarm']
  const kinds: Record<FirstFrameVariant, ConsoleKind> = {
    bare: 'bare',
    viewer: 'viewer',
    cloudtowerCold: 'cloudtower',
    cloudtowerWarm: 'cloudtower',
  }
  const samples: Record<FirstFrameVariant, number[]> = {
    bare: [],
    viewer: [],
    cloudtowerCold: [],
    cloudtowerWarm: [],
  }
  const socket: Record<FirstFrameVariant, number[]> = {
    bare: [],
    viewer: [],
    cloudtowerCold: [],
    cloudtowerWarm: [],
  }
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
      if (variant !== 'cloudtowerCold') {
        const ms = await callPage(page, 'preload')
        if (rep >= 0) chunk.push(ms)
      } else if (await callPage(page, 'loaded'))
        throw new Error('react-vnc loaded before a cold mount')
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
