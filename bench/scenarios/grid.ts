import type { RfbServer } from '../../fake-cloud/rfb/RfbServer.ts'
import type { MountSpec } from '../page/BenchApi.ts'
import type { BenchEnv } from '../lib/BenchEnv.ts'
import { callPage } from '../lib/callPage.ts'
import { CONFIG } from '../lib/CONFIG.ts'
import { animate } from '../lib/animate.ts'
import { newPage } from '../lib/newPage.ts'
import { openPage } from '../lib/openPage.ts'
import { rotate } from '../lib/rotate.ts'
import { sleep } from '../lib/sleep.ts'
import { taskSeconds } from '../lib/taskSeconds.ts'

const GRID_CELL = { width: 240, height: 180 }
const GRID_COLUMNS = 4

interface GridRun {
  kind: 'bare' | 'cloudtower'
  connected: number
  allPaintedMs: number
  fps: number[]
  busyPercent: number
  longTasks: number
}

/** Many consoles on one page while every screen animates: frames/s, main-thread load. */
export async function grid(env: BenchEnv): Promise<GridRun[]> {
  const runs: GridRun[] = []
  const servers = env.vmIds.map((id) => env.cloud.vncServers.get(id) as RfbServer)
  for (let rep = 0; rep < CONFIG.gridReps; rep++) {
    for (const kind of rotate(['bare', 'cloudtower'] as const, rep)) {
      const { page, cdp } = await newPage(env)
      await cdp.send('Performance.enable')
      await openPage(page, env.prodUrl, env.token)
      await callPage(page, 'preload')
      const specs = env.vmIds.map((vmId): MountSpec => ({ kind, vmId, ...GRID_CELL }))
      const start = performance.now()
      const mounted = await callPage(page, 'mountGrid', specs, GRID_COLUMNS)
      const allPaintedMs = performance.now() - start
      await sleep(500)
      await callPage(page, 'resetCounters')
      const before = await taskSeconds(cdp)
      const stop = animate(servers)
      await sleep(CONFIG.seconds * 1000)
      const frames = await callPage(page, 'frames')
      const after = await taskSeconds(cdp)
      stop()
      const { longTasks } = await callPage(page, 'counters')
      const elapsed = after.at - before.at
      runs.push({
        kind,
        connected: mounted.filter((result) => result.firstFrameMs !== null).length,
        allPaintedMs,
        fps: frames.map((n) => n / elapsed),
        busyPercent: ((after.task - before.task) / elapsed) * 100,
        longTasks,
      })
      await page.close()
    }
  }
  return runs
}
