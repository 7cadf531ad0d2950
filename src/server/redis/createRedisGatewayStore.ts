import { randomBytes } from 'node:crypto'
import type { GatewayStore } from '../store/GatewayStore.js'
import type { RedisGatewayStoreOptions, RedisLikeClient } from './types.js'

// Every script reads the clock from Redis (TIME), never from the replica calling it: replicas'
// clocks disagree, and a window or lease measured by two clocks would be wrong on both.
// Scripts go as EVAL every time: one round trip like EVALSHA, no NOSCRIPT retry after a
// restart or failover, and Redis caches the compiled script by its text anyway.
const NOW = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
`

// A sorted set of event times. The member is unique per event (ARGV[3]), so two events in one
// millisecond both count. Returns 0 when counted, else the ms until the oldest event leaves the
// window (always ≥ 1, as that event is younger than the window).
const HIT = `${NOW}
local limit, window = tonumber(ARGV[1]), tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) >= limit then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  if oldest[2] == nil then return window end
  return math.max(1, tonumber(oldest[2]) + window - now)
end
redis.call('ZADD', KEYS[1], now, ARGV[3])
redis.call('PEXPIRE', KEYS[1], window)
return 0`

// A sorted set per group, score = the slot's lease expiry, so expired leases (a dead replica's)
// are dropped here by the next caller rather than by a sweeper someone must run. The key lives
// until its longest lease ends, then Redis removes it.
const LAST_LEASE = `local last = redis.call('ZRANGE', key, -1, -1, 'WITHSCORES')
if last[2] then redis.call('PEXPIREAT', key, last[2]) end
`
const ACQUIRE = `${NOW}
local key, slot, limit, lease = KEYS[1], ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', key, '-inf', now)
if redis.call('ZSCORE', key, slot) or redis.call('ZCARD', key) < limit then
  redis.call('ZADD', key, now + lease, slot)
  ${LAST_LEASE}
  return 1
end
return 0`

// One round trip for all of a replica's slots (its heartbeat). A slot Redis no longer has (it
// restarted without its data, or the lease ran out while this replica could not reach it) is
// taken again, over the limit if need be: its relay is open, so it counts.
const RENEW = `${NOW}
local lease = tonumber(ARGV[1])
for i, key in ipairs(KEYS) do
  redis.call('ZADD', key, now + lease, ARGV[i + 1])
  ${LAST_LEASE}
end
return 0`

type Send = (args: string[]) => Promise<unknown>

/** One calling convention for both clients: node-redis's `sendCommand([...])`, ioredis's `call(...)`. */
function toSend(client: RedisLikeClient): Send {
  // ioredis also has a `sendCommand`, taking its own Command object: look for `call` first.
  if ('call' in client && typeof client.call === 'function') {
    return ([command = '', ...args]) => client.call(command, ...args)
  }
  if ('sendCommand' in client && typeof client.sendCommand === 'function') {
    // node-redis emits 'error' whenever Redis goes away, and an EventEmitter with no listener for
    // it throws: the process ends. (ioredis logs instead.) Refused here, at startup, rather than
    // given a listener behind the portal's back that would hide its own client's errors.
    const emitter = client as { listenerCount?: (event: string) => number }
    if (typeof emitter.listenerCount === 'function' && emitter.listenerCount('error') === 0) {
      throw new TypeError(
        "createRedisGatewayStore: the node-redis client has no 'error' listener, so it would end the process when Redis goes away. Add one first: client.on('error', (error) => log(error)).",
      )
    }
    return (args) => client.sendCommand(args)
  }
  throw new TypeError(
    'createRedisGatewayStore: client is neither a node-redis nor an ioredis client',
  )
}

function toInteger(reply: unknown): number {
  const value = typeof reply === 'string' ? Number(reply) : reply
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new TypeError(`createRedisGatewayStore: unexpected reply ${String(reply)}`)
  }
  return value
}

// Redis refuses a zero or fractional PX / lease; round up so nothing ends early.
const ms = (value: number) => String(Math.max(1, Math.ceil(value)))

/**
 * A GatewayStore in Redis ≥ 6.2 (GETDEL), shared by every replica of a console gateway: tickets
 * are single-use across replicas, and request windows and console slots count all of them.
 */
export function createRedisGatewayStore(options: RedisGatewayStoreOptions): GatewayStore {
  const send = toSend(options.client)
  const tag = `{${options.prefix ?? 'rvc'}}`
  const ticketKey = (key: string) => `${tag}:ticket:${key}`
  const slotsKey = (group: string) => `${tag}:slots:${group}`
  return {
    async putTicket(key, value, ttlMs) {
      await send(['SET', ticketKey(key), value, 'PX', ms(ttlMs)])
    },
    async takeTicket(key) {
      // GETDEL, not GET + DEL: two replicas redeeming one ticket at once must not both get it.
      const reply = await send(['GETDEL', ticketKey(key)])
      return typeof reply === 'string' ? reply : undefined
    },
    async hit(key, limit, windowMs) {
      const event = randomBytes(8).toString('base64url')
      const wait = toInteger(
        await send(['EVAL', HIT, '1', `${tag}:hits:${key}`, String(limit), ms(windowMs), event]),
      )
      return { allowed: wait === 0, retryAfterMs: wait }
    },
    async acquireSlot(group, slot, limit, leaseMs) {
      const reply = await send([
        'EVAL',
        ACQUIRE,
        '1',
        slotsKey(group),
        slot,
        String(limit),
        ms(leaseMs),
      ])
      return toInteger(reply) === 1
    },
    async renewSlots(slots, leaseMs) {
      if (slots.length === 0) return
      await send([
        'EVAL',
        RENEW,
        String(slots.length),
        ...slots.map(({ group }) => slotsKey(group)),
        ms(leaseMs),
        ...slots.map(({ slot }) => slot),
      ])
    },
    async releaseSlot(group, slot) {
      await send(['ZREM', slotsKey(group), slot])
    },
    // The client belongs to the portal (it may serve other code too): nothing to close here.
    async close() {},
  }
}
