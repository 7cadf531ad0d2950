import type { MountSpec } from '../page/BenchApi.ts'
import type { BenchEnv } from '../lib/BenchEnv.ts'
import { callPage } from '../lib/callPage.ts'
import { CONFIG } from '../lib/CONFIG.ts'
import { FIRST_FRAME_SIZE } from '../lib/FIRST_FRAME_SIZE.ts'
import { heapUsed } from '../lib/heapUsed.ts'
import { liveObjects } from '../lib/liveObjects.ts'
import { newPage } from '../lib/newPage.ts'
import { openPage } from '../lib/openPage.ts'
import { sleep } from '../lib/sleep.ts'

interface ChurnStats {
  /** Used JS heap after a full GC: after the warm-up, half-way, and after all cycles (bytes). */
  heapBefore: number
  heapHalf: number
  heapAfter: number
  socketsCreated: number
  socketsOpenAfter: number
  canvasesLeft: number
  queriesLeft: number
  /** Canvases, WebSockets and ResizeObservers (noVNC makes one each per console) alive after GC. */
  liveBefore: Awaited<ReturnType<typeof liveObjects>>
  liveHalf: Awaited<ReturnType<typeof liveObjects>>
  liveAfter: Awaited<ReturnType<typeof liveObjects>>
  serverSessionsAfter: number
  relaysAfter: number
}

type ChurnKind = 'bare' | 'viewer' | 'cloudtower'

async function churnOne(env: BenchEnv, kind: ChurnKind): Promise<ChurnStats> {
  const { page, cdp } = await newPage(env)
  await openPage(page, env.prodUrl, env.token)
  await callPage(page, 'preload')
  const spec: MountSpec = { kind, vmId: env.vm, ...FIRST_FRAME_SIZE }
  // Warm-up: code loaded, JIT, caches and browser buffers settled (see CONFIG.warmup).
  await callPage(page, 'churn', spec, CONFIG.warmup)
  const liveBefore = await liveObjects(cdp)
  const heapBefore = await heapUsed(page, cdp)
  const half = Math.floor(CONFIG.cycles / 2)
  const first = await callPage(page, 'churn', spec, half)
  const heapHalf = await heapUsed(page, cdp)
  const liveHalf = await liveObjects(cdp)
  const second = await callPage(page, 'churn', spec, CONFIG.cycles - half)
  await sleep(500)
  const heapAfter = await heapUsed(page, cdp)
  const liveAfter = await liveObjects(cdp)
  // Read before the page closes, which would close anything left open.
  const stats: ChurnStats = {
    heapBefore,
    heapHalf,
    heapAfter,
    socketsCreated: first.socketsCreated + second.socketsCreated,
    socketsOpenAfter: second.socketsOpenAfter,
    canvasesLeft: second.canvasesLeft,
    queriesLeft: second.queriesLeft,
    liveBefore,
    liveHalf,
    liveAfter,
    serverSessionsAfter: env.server.sessions.length,
    relaysAfter: env.cloud.stats.activeRelays,
  }
  await page.close()
  return stats
}

/** Mount/unmount cycles: what is left open or alive afterwards, and how the heap grew. */
export async function churn(env: BenchEnv): Promise<Record<ChurnKind, ChurnStats>> {
  // ConsoleViewer with ready URLs separates the viewer from the credential layer above it.
  return {
    bare: await churnOne(env, 'bare'),
    viewer: await churnOne(env, 'viewer'),
    cloudtower: await churnOne(env, 'cloudtower'),
  }
}
