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

// Sessions: KEYS[1] a sorted set of session ids by lease expiry (the sweep's index), KEYS[2] a
// hash id → value, KEYS[3] a hash id → vm, then one set of ids per VM (presence reads one VM).
// Every key a script touches is in KEYS and shares the hash tag, so Redis Cluster runs them.
const PUT_SESSIONS = `${NOW}
local lease = tonumber(ARGV[1])
for i = 4, #KEYS do
  local id, vm, value = ARGV[(i - 4) * 3 + 2], ARGV[(i - 4) * 3 + 3], ARGV[(i - 4) * 3 + 4]
  redis.call('ZADD', KEYS[1], now + lease, id)
  redis.call('HSET', KEYS[2], id, value)
  redis.call('HSET', KEYS[3], id, vm)
  redis.call('SADD', KEYS[i], id)
end
return 0`

const END_SESSION = `if redis.call('HGET', KEYS[3], ARGV[1]) == ARGV[2] then
  redis.call('ZREM', KEYS[1], ARGV[1])
  redis.call('HDEL', KEYS[2], ARGV[1])
  redis.call('HDEL', KEYS[3], ARGV[1])
end
redis.call('SREM', KEYS[4], ARGV[1])
return 0`

// The VM's live sessions; ids whose session is gone (ended, claimed) leave its set here.
const LIST_SESSIONS = `${NOW}
local values = {}
for _, id in ipairs(redis.call('SMEMBERS', KEYS[4])) do
  local expires = redis.call('ZSCORE', KEYS[1], id)
  if not expires then
    redis.call('SREM', KEYS[4], id)
  elseif tonumber(expires) > now then
    values[#values + 1] = redis.call('HGET', KEYS[2], id)
  end
end
return values`

// Lapsed sessions and their VMs, read first so the claim can name every key it touches.
const LAPSED = `${NOW}
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, tonumber(ARGV[1]))
local out = {}
for _, id in ipairs(ids) do
  out[#out + 1] = id
  out[#out + 1] = redis.call('HGET', KEYS[3], id) or ''
end
return out`

// ZREM decides: of replicas claiming one session at once, only the one whose ZREM removed it
// gets its value. A session renewed since it was read is no longer lapsed and stays.
const CLAIM = `${NOW}
local claimed = {}
for i, id in ipairs(ARGV) do
  local expires = redis.call('ZSCORE', KEYS[1], id)
  if expires and tonumber(expires) <= now and redis.call('ZREM', KEYS[1], id) == 1 then
    local value = redis.call('HGET', KEYS[2], id)
    redis.call('HDEL', KEYS[2], id)
    redis.call('HDEL', KEYS[3], id)
    redis.call('SREM', KEYS[3 + i], id)
    if value then claimed[#claimed + 1] = value end
  end
end
return claimed`

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

function toStrings(reply: unknown): string[] {
  if (!Array.isArray(reply)) {
    throw new TypeError(`createRedisGatewayStore: unexpected reply ${String(reply)}`)
  }
  return reply.map((item: unknown) => (typeof item === 'string' ? item : String(item)))
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
  const sessionKeys = [`${tag}:session-leases`, `${tag}:sessions`, `${tag}:session-vms`]
  const vmKey = (vm: string) => `${tag}:sessions:vm:${vm}`
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
    async putSessions(sessions, leaseMs) {
      if (sessions.length === 0) return
      await send([
        'EVAL',
        PUT_SESSIONS,
        String(3 + sessions.length),
        ...sessionKeys,
        ...sessions.map(({ vm }) => vmKey(vm)),
        ms(leaseMs),
        ...sessions.flatMap(({ vm, session, value }) => [session, vm, value]),
      ])
    },
    async endSession(vm, session) {
      await send(['EVAL', END_SESSION, '4', ...sessionKeys, vmKey(vm), session, vm])
    },
    async listSessions(vm) {
      const reply = await send(['EVAL', LIST_SESSIONS, '4', ...sessionKeys, vmKey(vm)])
      return toStrings(reply)
    },
    async claimLapsedSessions(max) {
      const lapsed = toStrings(
        await send(['EVAL', LAPSED, '3', ...sessionKeys, String(Math.max(1, Math.floor(max)))]),
      )
      const ids: string[] = []
      const vms: string[] = []
      for (let i = 0; i + 1 < lapsed.length; i += 2) {
        ids.push(lapsed[i] ?? '')
        vms.push(vmKey(lapsed[i + 1] ?? ''))
      }
      if (ids.length === 0) return []
      const reply = await send([
        'EVAL',
        CLAIM,
        String(3 + ids.length),
        ...sessionKeys,
        ...vms,
        ...ids,
      ])
      return toStrings(reply)
    },
    // The client belongs to the portal (it may serve other code too): nothing to close here.
    async close() {},
  }
}
