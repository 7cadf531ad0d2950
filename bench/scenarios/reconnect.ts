import type { BenchEnv } from '../lib/BenchEnv.ts'
import { callPage } from '../lib/callPage.ts'
import { CONFIG } from '../lib/CONFIG.ts'
import { FIRST_FRAME_SIZE } from '../lib/FIRST_FRAME_SIZE.ts'
import { newPage } from '../lib/newPage.ts'
import { openPage } from '../lib/openPage.ts'
import { sleep } from '../lib/sleep.ts'

/** Server-side drops of a CloudTowerConsole: drop → next frame, with a fresh token each time. */
export async function reconnect(env: BenchEnv) {
  const { page } = await newPage(env)
  await openPage(page, env.prodUrl, env.token)
  const policy = { baseDelayMs: CONFIG.reconnectDelayMs, jitter: 0, maxAttempts: 5 }
  const { id } = await callPage(page, 'mount', {
    kind: 'cloudtower',
    vmId: env.vm,
    ...FIRST_FRAME_SIZE,
    reconnect: policy,
  })
  const tokensBefore = env.cloud.stats.issuedTokens
  const close: number[] = []
  const frame: number[] = []
  const beyondDelay: number[] = []
  let fresh = 0
  for (let i = 0; i < CONFIG.reconnects; i++) {
    await sleep(300)
    const sample = await callPage(page, 'reconnectOnce', id)
    close.push(sample.closeMs)
    frame.push(sample.frameMs)
    beyondDelay.push(sample.frameMs - sample.closeMs - policy.baseDelayMs)
    if (sample.freshUrl) fresh++
  }
  const tokens = env.cloud.stats.issuedTokens - tokensBefore
  await page.close()
  return { policy, close, frame, beyondDelay, freshUrls: fresh, tokens }
}
