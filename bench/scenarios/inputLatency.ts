import type { BenchEnv } from '../lib/BenchEnv.ts'
import { callPage } from '../lib/callPage.ts'
import { CONFIG } from '../lib/CONFIG.ts'
import { FIRST_FRAME_SIZE } from '../lib/FIRST_FRAME_SIZE.ts'
import { newPage } from '../lib/newPage.ts'
import { nextKey } from '../lib/nextKey.ts'
import { openPage } from '../lib/openPage.ts'
import { sleep } from '../lib/sleep.ts'

const KEY_A = 0x61

/** Key press in Chromium → key event at the VNC server, bare noVNC and CloudTowerConsole in turns. */
export async function inputLatency(env: BenchEnv) {
  const { page } = await newPage(env)
  await openPage(page, env.prodUrl, env.token)
  await callPage(page, 'preload')
  const samples: Record<'bare' | 'cloudtower', number[]> = { bare: [], cloudtower: [] }
  const perRound = Math.min(10, CONFIG.keys)
  const rounds = Math.ceil(CONFIG.keys / perRound)
  for (let round = 0; round < rounds * 2; round++) {
    const kind = round % 2 === Math.floor(round / 2) % 2 ? 'bare' : 'cloudtower'
    const { id } = await callPage(page, 'mount', { kind, vmId: env.vm, ...FIRST_FRAME_SIZE })
    if (!(await callPage(page, 'focus', id))) throw new Error(`${kind}: the canvas took no focus`)
    for (let i = 0; i < perRound && samples[kind].length < CONFIG.keys; i++) {
      const received = nextKey(env.server, KEY_A, true)
      const start = performance.now()
      await page.keyboard.down('a')
      samples[kind].push((await received) - start)
      const released = nextKey(env.server, KEY_A, false)
      await page.keyboard.up('a')
      await released
      await sleep(20)
    }
    await callPage(page, 'unmount', id)
  }
  await page.close()
  return samples
}
