// What every GatewayStore must do, as one suite any implementation runs:
//   gatewayStoreContract('memory', () => createMemoryGatewayStore())
// Keys are fresh per test, so a store (and the server behind it) may be shared by all tests.
// Times are short but with wide margins: a 2-core CI machine under load must not flake them.
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { GatewayStore } from '../../src/server/store/GatewayStore.ts'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export function gatewayStoreContract(
  name: string,
  makeStore: () => GatewayStore | Promise<GatewayStore>,
): void {
  const fresh = (what: string) => `${what}-${randomUUID()}`

  describe(`GatewayStore contract: ${name}`, () => {
    it('implements the session methods (optional in GatewayStore; both built-in stores have them)', async () => {
      const store = await makeStore()
      expect(typeof store.putSessions).toBe('function')
      expect(typeof store.endSession).toBe('function')
      expect(typeof store.listSessions).toBe('function')
      expect(typeof store.claimLapsedSessions).toBe('function')
    })

    it('gives a ticket to exactly one of 100 parallel takes, then never again', async () => {
      const store = await makeStore()
      const key = fresh('ticket')
      await store.putTicket(key, '{"target":"vm-1"}', 10_000)
      const taken = await Promise.all(Array.from({ length: 100 }, () => store.takeTicket(key)))
      expect(taken.filter((value) => value !== undefined)).toEqual(['{"target":"vm-1"}'])
      expect(await store.takeTicket(key)).toBeUndefined()
      expect(await store.takeTicket(fresh('unknown'))).toBeUndefined()
    })

    it('keeps tickets apart and lets them expire after their TTL', async () => {
      const store = await makeStore()
      const [short, long] = [fresh('short'), fresh('long')]
      await store.putTicket(short, 'a', 150)
      await store.putTicket(long, 'b', 10_000)
      await sleep(500)
      expect(await store.takeTicket(short)).toBeUndefined()
      expect(await store.takeTicket(long)).toBe('b')
    })

    it('counts hits in a sliding window and says when the next one may come', async () => {
      const store = await makeStore()
      const key = fresh('hits')
      const windowMs = 800
      const first = await Promise.all(Array.from({ length: 5 }, () => store.hit(key, 3, windowMs)))
      expect(first.filter((r) => r.allowed)).toHaveLength(3)
      const refused = await store.hit(key, 3, windowMs)
      expect(refused.allowed).toBe(false)
      expect(refused.retryAfterMs).toBeGreaterThan(0)
      expect(refused.retryAfterMs).toBeLessThanOrEqual(windowMs)
      // Another key has a window of its own.
      expect((await store.hit(fresh('other'), 3, windowMs)).allowed).toBe(true)
      // Refusals counted nothing: once the first hits leave the window, there is room again.
      await sleep(refused.retryAfterMs + 100)
      expect(await store.hit(key, 3, windowMs)).toMatchObject({ allowed: true })
    })

    it('slides the window: an old hit leaves it while a newer one stays', async () => {
      const store = await makeStore()
      const key = fresh('sliding')
      expect((await store.hit(key, 2, 2_000)).allowed).toBe(true)
      await sleep(1_000)
      expect((await store.hit(key, 2, 2_000)).allowed).toBe(true)
      const full = await store.hit(key, 2, 2_000)
      expect(full.allowed).toBe(false)
      // Only the first hit's age counts: ~1 s left, not the ~2 s of the newer one.
      expect(full.retryAfterMs).toBeLessThan(1_500)
      await sleep(full.retryAfterMs + 100)
      // The first hit has left; the second (~1 s younger) still counts.
      expect((await store.hit(key, 2, 2_000)).allowed).toBe(true)
      expect((await store.hit(key, 2, 2_000)).allowed).toBe(false)
    })

    it('gives exactly 3 of 20 parallel acquires a slot when the limit is 3', async () => {
      const store = await makeStore()
      const group = fresh('group')
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => store.acquireSlot(group, `slot-${i}`, 3, 10_000)),
      )
      expect(results.filter(Boolean)).toHaveLength(3)
      // Groups are separate.
      expect(await store.acquireSlot(fresh('group'), 'slot-0', 3, 10_000)).toBe(true)
    })

    it('lets a held slot be acquired again even when the group is full', async () => {
      const store = await makeStore()
      const group = fresh('group')
      expect(await store.acquireSlot(group, 'a', 1, 10_000)).toBe(true)
      expect(await store.acquireSlot(group, 'b', 1, 10_000)).toBe(false)
      expect(await store.acquireSlot(group, 'a', 1, 10_000)).toBe(true)
    })

    it('frees a slot whose lease ran out (a replica that died)', async () => {
      const store = await makeStore()
      const group = fresh('group')
      // A live slot beside it, so the group itself lives on (a store may drop empty groups whole).
      expect(await store.acquireSlot(group, 'live', 2, 10_000)).toBe(true)
      expect(await store.acquireSlot(group, 'dead', 2, 200)).toBe(true)
      expect(await store.acquireSlot(group, 'b', 2, 10_000)).toBe(false)
      await sleep(500)
      expect(await store.acquireSlot(group, 'b', 2, 10_000)).toBe(true)
      expect(await store.acquireSlot(group, 'c', 2, 10_000)).toBe(false)
    })

    it('keeps a renewed slot past its first lease, and takes a lapsed one again (its relay is open)', async () => {
      const store = await makeStore()
      const [kept, lapsed] = [fresh('kept'), fresh('lapsed')]
      expect(await store.acquireSlot(kept, 'a', 1, 1_000)).toBe(true)
      expect(await store.acquireSlot(lapsed, 'live', 2, 10_000)).toBe(true)
      expect(await store.acquireSlot(lapsed, 'a', 2, 150)).toBe(true)
      await sleep(400) // the lapsed lease is over, the kept one has 600 ms left
      await store.renewSlots(
        [
          { group: kept, slot: 'a' },
          { group: lapsed, slot: 'a' },
        ],
        2_000,
      )
      await store.renewSlots([], 2_000)
      await sleep(800) // past the first lease of `kept`, within its renewed one
      expect(await store.acquireSlot(kept, 'b', 1, 10_000)).toBe(false)
      // `live` and the renewed `a` fill the group again.
      expect(await store.acquireSlot(lapsed, 'b', 2, 10_000)).toBe(false)
    })

    it("lists a VM's live sessions, renews them, and forgets an ended one at once", async () => {
      const store = await makeStore()
      const [vm, other] = [fresh('vm'), fresh('vm')]
      await store.putSessions?.(
        [
          { vm, session: 'a', value: '{"user":"alice"}' },
          { vm, session: 'b', value: '{"user":"bob"}' },
          { vm: other, session: 'c', value: '{"user":"carol"}' },
        ],
        1_000,
      )
      expect((await store.listSessions?.(vm))?.sort()).toEqual([
        '{"user":"alice"}',
        '{"user":"bob"}',
      ])
      expect(await store.listSessions?.(other)).toEqual(['{"user":"carol"}'])
      expect(await store.listSessions?.(fresh('vm'))).toEqual([])
      await store.endSession?.(vm, 'b')
      await store.endSession?.(vm, 'never-opened')
      expect(await store.listSessions?.(vm)).toEqual(['{"user":"alice"}'])
      await sleep(600)
      await store.putSessions?.([{ vm, session: 'a', value: '{"user":"alice"}' }], 2_000)
      await sleep(700) // past the first lease, within the renewed one
      expect(await store.listSessions?.(vm)).toEqual(['{"user":"alice"}'])
      expect(await store.listSessions?.(other)).toEqual([])
      await store.endSession?.(vm, 'a')
      await store.endSession?.(other, 'c')
    })

    it('gives each lapsed session to exactly one of many parallel claims, never a live or ended one', async () => {
      const store = await makeStore()
      const vm = fresh('vm')
      const lapsed = Array.from({ length: 5 }, (_, i) => ({
        vm,
        session: fresh(`lapsed-${i}`),
        value: `{"n":${i}}`,
      }))
      const live = { vm, session: fresh('live'), value: '{"live":true}' }
      const ended = { vm, session: fresh('ended'), value: '{"ended":true}' }
      await store.putSessions?.([...lapsed, ended], 150)
      await store.putSessions?.([live], 10_000)
      await store.endSession?.(vm, ended.session)
      await sleep(500)
      // Lapsed sessions are out of presence before anyone claims them.
      expect(await store.listSessions?.(vm)).toEqual(['{"live":true}'])
      const claims = await Promise.all(
        Array.from({ length: 20 }, () => store.claimLapsedSessions?.(100)),
      )
      // Other tests' lapsed sessions may be claimed here too: count only this test's.
      const mine = claims.flat().filter((value) => value?.startsWith('{"n":'))
      expect(mine.sort()).toEqual(lapsed.map(({ value }) => value).sort())
      expect(claims.flat()).not.toContain('{"live":true}')
      expect(claims.flat()).not.toContain('{"ended":true}')
      const again = await store.claimLapsedSessions?.(100)
      expect(again?.filter((value) => value.startsWith('{"n":'))).toEqual([])
      expect(await store.listSessions?.(vm)).toEqual(['{"live":true}'])
      await store.endSession?.(vm, live.session)
    })

    it('puts back a session renewed after its lease ran out (its relay is open)', async () => {
      const store = await makeStore()
      const vm = fresh('vm')
      await store.putSessions?.([{ vm, session: 's', value: 'v1' }], 150)
      await sleep(400)
      expect(await store.listSessions?.(vm)).toEqual([])
      await store.putSessions?.([{ vm, session: 's', value: 'v2' }], 10_000)
      expect(await store.listSessions?.(vm)).toEqual(['v2'])
      await store.endSession?.(vm, 's')
    })

    it('frees a released slot at once', async () => {
      const store = await makeStore()
      const group = fresh('group')
      expect(await store.acquireSlot(group, 'a', 1, 10_000)).toBe(true)
      await store.releaseSlot(group, 'a')
      await store.releaseSlot(group, 'never-held')
      expect(await store.acquireSlot(group, 'b', 1, 10_000)).toBe(true)
      expect(await store.acquireSlot(group, 'a', 1, 10_000)).toBe(false)
    })
  })
}
