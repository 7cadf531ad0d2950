import type { BenchEnv } from '../lib/BenchEnv.ts'
import { callPage } from '../lib/callPage.ts'
import { CONFIG } from '../lib/CONFIG.ts'
import { FIRST_FRAME_SIZE } from '../lib/FIRST_FRAME_SIZE.ts'
import { newPage } from '../lib/newPage.ts'
import { openPage } from '../lib/openPage.ts'

/**
 * A stopped VM in a CloudTowerConsole: Start VM click → `connected` and → first frame. The
 * cloud's part is its start delay (`powerDelayMs`); the console adds its task polling, a fresh
 * console credential, the lazy chunk and the RFB handshake.
 */
export async function startVm(env: BenchEnv) {
  const { page } = await newPage(env)
  const connected: number[] = []
  const frame: number[] = []
  // Rep -1 warms up (chunk in the HTTP cache, JIT) and is not recorded.
  for (let rep = -1; rep < CONFIG.starts; rep++) {
    env.cloud.power.force(env.stoppedVm, 'stopped')
    await openPage(page, env.prodUrl, env.token)
    const { id } = await callPage(page, 'mount', {
      kind: 'cloudtower',
      vmId: env.stoppedVm,
      ...FIRST_FRAME_SIZE,
      waitFrame: false,
    })
    const sample = await callPage(page, 'startVm', id)
    if (rep < 0) continue
    connected.push(sample.connectedMs)
    frame.push(sample.frameMs)
  }
  await page.close()
  env.cloud.power.force(env.stoppedVm, 'stopped')
  return {
    delayMs: CONFIG.powerDelayMs,
    connected,
    frame,
    beyondDelay: frame.map((ms) => ms - CONFIG.powerDelayMs),
  }
}
