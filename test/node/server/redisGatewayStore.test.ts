// createRedisGatewayStore against a real redis-server, through both clients a portal may own.
import { Redis } from 'ioredis'
import { createClient } from 'redis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRedisGatewayStore } from '../../../src/server/redis/createRedisGatewayStore.js'
import { gatewayStoreContract } from '../../support/gatewayStoreContract.ts'
import { startRedisServer } from '../../support/startRedisServer.ts'

let redis: Awaited<ReturnType<typeof startRedisServer>>
let nodeRedis: ReturnType<typeof createClient>
let ioredis: Redis

beforeAll(async () => {
  redis = await startRedisServer()
  nodeRedis = createClient({ url: redis.url })
  nodeRedis.on('error', () => {})
  await nodeRedis.connect()
  ioredis = new Redis(redis.port, '127.0.0.1', { lazyConnect: true })
  await ioredis.connect()
}, 30_000)

afterAll(async () => {
  await nodeRedis?.close()
  ioredis?.disconnect()
  await redis?.stop()
})

gatewayStoreContract('redis (node-redis client)', () =>
  createRedisGatewayStore({ client: nodeRedis }),
)
gatewayStoreContract('redis (ioredis client)', () =>
  createRedisGatewayStore({ client: ioredis, prefix: 'io' }),
)

describe('createRedisGatewayStore', () => {
  it('keeps tickets under one hash tag with their TTL in Redis, and leaves the client open', async () => {
    const store = createRedisGatewayStore({ client: ioredis, prefix: 'tagged' })
    await store.putTicket('t1', 'v', 5_000)
    const ttl = await ioredis.pttl('{tagged}:ticket:t1')
    expect(ttl).toBeGreaterThan(4_000)
    expect(ttl).toBeLessThanOrEqual(5_000)
    await store.acquireSlot('user:u', 's', 1, 3_000)
    const slotTtl = await ioredis.pttl('{tagged}:slots:user:u')
    expect(slotTtl).toBeGreaterThan(2_000)
    expect(slotTtl).toBeLessThanOrEqual(3_000)
    await store.close?.()
    expect(await ioredis.ping()).toBe('PONG')
    expect(await nodeRedis.ping()).toBe('PONG')
  })

  it('shares tickets and slots between a node-redis and an ioredis store of one prefix', async () => {
    const a = createRedisGatewayStore({ client: nodeRedis, prefix: 'shared' })
    const b = createRedisGatewayStore({ client: ioredis, prefix: 'shared' })
    await a.putTicket('x', 'from a', 5_000)
    expect(await b.takeTicket('x')).toBe('from a')
    expect(await a.takeTicket('x')).toBeUndefined()
    expect(await a.acquireSlot('g', 'one', 1, 5_000)).toBe(true)
    expect(await b.acquireSlot('g', 'two', 1, 5_000)).toBe(false)
    // Another prefix is another replica set.
    expect(
      await createRedisGatewayStore({ client: ioredis }).acquireSlot('g', 'two', 1, 5_000),
    ).toBe(true)
  })

  it('measures windows on the Redis clock, whatever the caller thinks the time is', async () => {
    // A replica whose clock runs a minute ahead must not see other replicas' hits as expired.
    const store = createRedisGatewayStore({ client: nodeRedis })
    const realNow = Date.now
    Date.now = () => realNow() + 60_000
    try {
      expect((await store.hit('clock', 1, 10_000)).allowed).toBe(true)
    } finally {
      Date.now = realNow
    }
    expect(await store.hit('clock', 1, 10_000)).toMatchObject({ allowed: false })
  })

  it('takes one round trip per call, renewing any number of slots included', async () => {
    const sent: string[][] = []
    const store = createRedisGatewayStore({
      client: { sendCommand: (args: string[]) => (sent.push(args), nodeRedis.sendCommand(args)) },
      prefix: 'trips',
    })
    await store.putTicket('t', 'v', 5_000)
    await store.takeTicket('t')
    await store.hit('h', 5, 5_000)
    const groups = ['g1', 'g2', 'g3']
    for (const group of groups) await store.acquireSlot(group, 's', 5, 5_000)
    expect(sent).toHaveLength(6)
    await store.renewSlots(
      groups.map((group) => ({ group, slot: 's' })),
      20_000,
    )
    expect(sent).toHaveLength(7)
    // All three leases were extended by that one call.
    for (const group of groups)
      expect(await ioredis.pttl(`{trips}:slots:${group}`)).toBeGreaterThan(10_000)
    await store.renewSlots([], 20_000)
    await store.releaseSlot('g1', 's')
    expect(sent).toHaveLength(8)
  })

  it("refuses a node-redis client without an 'error' listener (it would end the process when Redis goes away)", () => {
    const bare = createClient({ url: redis.url })
    expect(() => createRedisGatewayStore({ client: bare })).toThrow(/'error' listener/)
    bare.on('error', () => {})
    expect(() => createRedisGatewayStore({ client: bare })).not.toThrow()
  })

  it('refuses an object that is neither client', () => {
    // @ts-expect-error: not a client
    expect(() => createRedisGatewayStore({ client: {} })).toThrow(/neither/)
  })
})
