// The default GatewayStore, on a clock the test moves.
import { describe, expect, it } from 'vitest'
import { createMemoryGatewayStore } from './createMemoryGatewayStore.js'
import { gatewayStoreContract } from '../../../test/support/gatewayStoreContract.ts'

// The same contract the Redis store meets, on the real clock.
gatewayStoreContract('memory', () => createMemoryGatewayStore())

function storeAt(start = 1_000_000) {
  const clock = { now: start }
  return { clock, store: createMemoryGatewayStore(() => clock.now) }
}

describe('createMemoryGatewayStore', () => {
  it('gives a ticket once, and not after its lifetime', async () => {
    const { clock, store } = storeAt()
    await store.putTicket('a', 'x', 100)
    await store.putTicket('b', 'y', 100)
    expect(await store.takeTicket('a')).toBe('x')
    expect(await store.takeTicket('a')).toBeUndefined()
    expect(await store.takeTicket('nope')).toBeUndefined()
    clock.now += 100
    expect(await store.takeTicket('b')).toBeUndefined()
    await store.close?.()
  })

  it('gives one of many parallel takes the value', async () => {
    const { store } = storeAt()
    await store.putTicket('t', 'v', 1_000)
    const takes = await Promise.all(Array.from({ length: 50 }, () => store.takeTicket('t')))
    expect(takes.filter((value) => value === 'v')).toHaveLength(1)
    await store.close?.()
  })

  it('counts hits in a sliding window and says when the next is allowed', async () => {
    const { clock, store } = storeAt(0)
    expect(await store.hit('k', 2, 1_000)).toEqual({ allowed: true, retryAfterMs: 0 })
    clock.now = 100
    expect((await store.hit('k', 2, 1_000)).allowed).toBe(true)
    clock.now = 200
    expect(await store.hit('k', 2, 1_000)).toEqual({ allowed: false, retryAfterMs: 800 })
    expect((await store.hit('other', 2, 1_000)).allowed).toBe(true)
    clock.now = 1_000
    expect((await store.hit('k', 2, 1_000)).allowed).toBe(true)
    expect(await store.hit('k', 2, 1_000)).toEqual({ allowed: false, retryAfterMs: 100 })
    await store.close?.()
  })

  it('holds at most `limit` slots per group, atomically, until released or their lease ends', async () => {
    const { clock, store } = storeAt()
    const taken = await Promise.all(
      Array.from({ length: 20 }, (_, i) => store.acquireSlot('u', `s${i}`, 3, 1_000)),
    )
    expect(taken.filter(Boolean)).toHaveLength(3)
    const holder = `s${taken.indexOf(true)}`
    expect(await store.acquireSlot('u', holder, 3, 1_000)).toBe(true) // a held slot renews
    expect(await store.acquireSlot('v', 'x', 3, 1_000)).toBe(true) // groups are separate
    await store.releaseSlot('u', holder)
    expect(await store.acquireSlot('u', 'new', 3, 1_000)).toBe(true)
    expect(await store.acquireSlot('u', 'newer', 3, 1_000)).toBe(false)
    clock.now += 500
    await store.renewSlots([{ group: 'u', slot: 'new' }], 1_000)
    clock.now += 600 // the first three leases ended; `new` was renewed
    expect(await store.acquireSlot('u', 'a', 3, 1_000)).toBe(true)
    expect(await store.acquireSlot('u', 'b', 3, 1_000)).toBe(true)
    expect(await store.acquireSlot('u', 'c', 3, 1_000)).toBe(false)
    await store.close?.()
  })

  it('takes a lost slot back on renewal: the relay renewing it is open', async () => {
    // The slot keeper stops renewing a slot before it releases it; a renewed slot the store no
    // longer has was lost (Redis restarted empty), not given back.
    const { store } = storeAt()
    await store.acquireSlot('u', 'a', 1, 1_000)
    await store.releaseSlot('u', 'a')
    await store.renewSlots([{ group: 'u', slot: 'a' }], 1_000)
    expect(await store.acquireSlot('u', 'b', 1, 1_000)).toBe(false)
    await store.close?.()
  })
})
