import type { BenchEnv } from '../lib/BenchEnv.ts'
import { callPage } from '../lib/callPage.ts'
import { CONFIG } from '../lib/CONFIG.ts'
import { FIRST_FRAME_SIZE } from '../lib/FIRST_FRAME_SIZE.ts'
import { newPage } from '../lib/newPage.ts'
import { openPage } from '../lib/openPage.ts'
import { sleep } from '../lib/sleep.ts'

type StrictKind = 'cloudtower' | 'viewer-geturl' | 'vncscreen'

/** Under StrictMode (development build): websockets, fetches and tokens per mount. */
export async function strictCounts(env: BenchEnv) {
  const { page } = await newPage(env)
  await openPage(page, env.devUrl, env.token)
  await callPage(page, 'preload')
  const effectRuns = await callPage(page, 'strictEffectRuns')
  if (effectRuns !== 2) throw new Error(`StrictMode ran a mount effect ${effectRuns}× (expected 2)`)
  const kinds: StrictKind[] = ['cloudtower', 'viewer-geturl', 'vncscreen']
  const out = {} as Record<
    StrictKind,
    { sockets: number[]; fetches: number[]; tokens: number[]; upgrades: number[]; painted: number }
  >
  for (const kind of kinds) {
    const row = { sockets: [] as number[], fetches: [] as number[], tokens: [] as number[] }
    const upgrades: number[] = []
    let painted = 0
    for (let i = 0; i < CONFIG.strictMounts; i++) {
      const pageBefore = await callPage(page, 'counters')
      const { issuedTokens, totalRelays } = env.cloud.stats
      // react-vnc alone may never paint (its second socket finds the token spent): do not wait.
      const waitFrame = kind !== 'vncscreen'
      const { id } = await callPage(page, 'mount', {
        kind,
        vmId: env.vm,
        ...FIRST_FRAME_SIZE,
        strict: true,
        waitFrame,
      })
      await sleep(waitFrame ? 700 : 1500) // any second socket or fetch would have started by now
      const pageAfter = await callPage(page, 'counters')
      if (((await callPage(page, 'frames'))[0] ?? 0) > 0) painted++
      row.sockets.push(pageAfter.socketsCreated - pageBefore.socketsCreated)
      row.fetches.push(pageAfter.apiFetches - pageBefore.apiFetches)
      row.tokens.push(env.cloud.stats.issuedTokens - issuedTokens)
      upgrades.push(env.cloud.stats.totalRelays - totalRelays)
      await callPage(page, 'unmount', id)
      await sleep(200)
    }
    out[kind] = { ...row, upgrades, painted }
  }
  await page.close()
  return { effectRuns, ...out }
}
