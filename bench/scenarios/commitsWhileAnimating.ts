import type { BenchEnv } from '../lib/BenchEnv.ts'
import { callPage } from '../lib/callPage.ts'
import { CONFIG } from '../lib/CONFIG.ts'
import { FIRST_FRAME_SIZE } from '../lib/FIRST_FRAME_SIZE.ts'
import { animate } from '../lib/animate.ts'
import { newPage } from '../lib/newPage.ts'
import { openPage } from '../lib/openPage.ts'
import { sleep } from '../lib/sleep.ts'

/** React commits while the VNC screen changes (there should be none). */
export async function commitsWhileAnimating(env: BenchEnv) {
  const { page } = await newPage(env)
  await openPage(page, env.devUrl, env.token)
  await callPage(page, 'resetCounters')
  await callPage(page, 'mount', {
    kind: 'cloudtower',
    vmId: env.vm,
    ...FIRST_FRAME_SIZE,
    strict: true,
    profile: true,
  })
  await sleep(500)
  // Commits while it mounted and connected: proves the Profiler counts (idle → connected).
  const mountCommits = (await callPage(page, 'counters')).commits
  await callPage(page, 'resetCounters')
  const stop = animate([env.server])
  const start = performance.now()
  await sleep(CONFIG.seconds * 1000)
  const { commits } = await callPage(page, 'counters')
  const frames = (await callPage(page, 'frames'))[0] ?? 0
  const seconds = (performance.now() - start) / 1000
  stop()
  await page.close()
  return {
    commitsPerSecond: commits / seconds,
    framesPerSecond: frames / seconds,
    commits,
    mountCommits,
  }
}
