// createSlotKeeper on a real redis-server that loses its data (FLUSHALL): the heartbeat takes the
// open relays' slots again, so they still count toward maxRelaysPerUser.
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSlotKeeper } from '../../../src/server/gateway/createSlotKeeper.js'
import { createRedisGatewayStore } from '../../../src/server/redis/createRedisGatewayStore.js'
import { withStoreDeadline } from '../../../src/server/store/withStoreDeadline.js'
import { startRedisServer } from '../../support/startRedisServer.ts'

let redis: Awaited<ReturnType<typeof startRedisServer>>
let client: Redis
beforeAll(async () => {
  redis = await startRedisServer()
  client = new Redis(redis.url)
  client.on('error', () => {})
}, 30_000)
afterAll(async () => {
  client?.disconnect()
  await redis?.stop()
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('createSlotKeeper', () => {
  it('keeps 2 open relays counted after Redis is flushed: with a limit of 3, one more is granted, not 3', async () => {
    const store = withStoreDeadline(createRedisGatewayStore({ client }), 2_000)
    const logs: string[] = []
    const keeper = createSlotKeeper(store, (_level, message) => void logs.push(message), 200)
    try {
      for (const slot of ['relay-1', 'relay-2']) {
        expect(await keeper.lease('user:bob', slot, 3)).toBe(true)
        keeper.hold('user:bob', slot)
      }
      expect(await redis.command('FLUSHALL')).toMatch(/^\+OK/)
      await sleep(1_000) // a few heartbeats
      const granted = []
      for (const slot of ['new-1', 'new-2', 'new-3'])
        granted.push(await store.acquireSlot('user:bob', slot, 3, 10_000))
      expect(granted).toEqual([true, false, false])
      expect(logs).toEqual([])
    } finally {
      keeper.stop()
    }
  })

  it('renews within a second after a store call failed, and never throws', async () => {
    const calls: number[] = []
    const started = Date.now()
    const keeper = createSlotKeeper(
      {
        putTicket: async () => {},
        takeTicket: async () => undefined,
        hit: async () => ({ allowed: true, retryAfterMs: 0 }),
        acquireSlot: async () => true,
        renewSlots: () => {
          calls.push(Date.now() - started)
          throw new Error('store down')
        },
        releaseSlot: async () => {},
      },
      () => {},
      60_000,
    )
    try {
      keeper.hold('user:carol', 'relay')
      keeper.renewSoon()
      await sleep(2_600)
      // Once a second after the hurry, not once a minute: two or three tries by now.
      expect(calls.length).toBeGreaterThanOrEqual(2)
      expect(calls[0]).toBeLessThan(1_500)
    } finally {
      keeper.stop()
    }
  })
})
