// A gateway on createRedisGatewayStore while its real redis-server goes away: killed (SIGKILL, its
// data gone) and hung (SIGSTOP), with each Redis client a portal may own, set up as the README
// says. Console requests and websockets get a quick, typed 503 instead of a hang, open relays keep
// relaying, consoles come back shortly after Redis does, and the relays' slots count again.
import { Redis } from 'ioredis'
import { createClient } from 'redis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeCloud } from '../../../fake-cloud/startFakeCloud.ts'
import type { FakeCloudHandle } from '../../../fake-cloud/types.ts'
import { createRedisGatewayStore } from '../../../src/server/redis/createRedisGatewayStore.js'
import { startRedisServer } from '../../support/startRedisServer.ts'
import { startGatewayServer } from './startGatewayServer.js'

const RFB_VERSION = 'RFB 003.008\n'
const VM = { provider: 'cloudtower', vmId: 'vm-ubuntu-01' }
// The default store deadline, and what a loaded 2-core machine may add to it.
const DEADLINE_MS = 2_000
const MARGIN_MS = 1_500
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

let cloud: FakeCloudHandle
beforeAll(async () => {
  cloud = await startFakeCloud({ builtInVnc: true })
})
afterAll(async () => {
  await cloud?.close()
})

type Portal = Awaited<ReturnType<typeof startGatewayServer>>

/** The README's client setups: each with an 'error' listener (node-redis needs one). */
async function connectClient(kind: 'node-redis' | 'ioredis', url: string) {
  if (kind === 'ioredis') {
    const redis = new Redis(url)
    redis.on('error', () => {})
    return { client: redis, quit: async () => redis.disconnect() }
  }
  const redis = createClient({ url })
  redis.on('error', () => {})
  await redis.connect()
  return { client: redis, quit: async () => void redis.destroy() }
}

async function timed<T>(what: Promise<T>) {
  const started = performance.now()
  const value = await what
  return { value, ms: performance.now() - started }
}

/** The websocket's refusal (status and parsed body), or 101 when it opened. */
async function upgrade(portal: Portal, url: string) {
  try {
    const socket = await portal.open(url)
    socket.ws.terminate()
    return { status: 101, body: undefined }
  } catch (error) {
    const { status, body } = error as { status?: number; body?: string }
    return { status, body: body ? (JSON.parse(body) as { error: { code?: string } }) : undefined }
  }
}

/** Polls `ask` until it is granted; how long that took after `since`. */
async function grantedAgain(portal: Portal, since: number, withinMs: number) {
  while (performance.now() - since < withinMs) {
    const answer = await portal.ask(VM)
    if (answer.status === 200) return { answer, ms: performance.now() - since }
    expect(answer.status).toBe(503)
    await sleep(100)
  }
  throw new Error(`no console within ${withinMs} ms of Redis returning`)
}

/** Waits until Redis holds `count` slots for `user`; resolves with how long that took. */
async function slotsOf(
  redis: Awaited<ReturnType<typeof startRedisServer>>,
  user: string,
  count: number,
  withinMs: number,
) {
  const started = performance.now()
  let held = -1
  while (performance.now() - started < withinMs) {
    held = Number(/^:(\d+)/.exec(await redis.command(`ZCARD {rvc}:slots:user:user:${user}`))?.[1])
    if (held === count) return performance.now() - started
    await sleep(100)
  }
  throw new Error(`${user} holds ${held} slots in Redis, not ${count}, after ${withinMs} ms`)
}

for (const kind of ['node-redis', 'ioredis'] as const) {
  describe(`a Redis store on ${kind}, while Redis goes away`, () => {
    let redis: Awaited<ReturnType<typeof startRedisServer>>
    let connection: Awaited<ReturnType<typeof connectClient>>
    let portal: Portal
    const logs: string[] = []
    const record = (message: string) => void logs.push(message)

    beforeAll(async () => {
      redis = await startRedisServer()
      connection = await connectClient(kind, redis.url)
      portal = await startGatewayServer({
        store: createRedisGatewayStore({ client: connection.client }),
        authorize: () => ({ user: 'alice' }),
        providers: { cloudtower: { endpoint: cloud.url, token: 'fake-cloudtower-admin-token' } },
        limits: { maxRelaysPerUser: 3 },
        logger: { error: record, warn: record, info: record },
      })
    }, 30_000)
    afterAll(async () => {
      await portal?.close()
      await connection?.quit()
      await redis?.stop()
    })

    it('killed: 503s within the deadline, relays keep relaying, consoles back soon after, open relays still counted', async () => {
      const relays = []
      for (let n = 0; n < 2; n++) {
        const granted = await portal.ask(VM)
        expect(granted.status).toBe(200)
        const relay = await portal.open(granted.body.url)
        expect((await relay.waitFor(12)).toString()).toBe(RFB_VERSION)
        relays.push(relay)
      }
      const unredeemed = await portal.ask(VM)
      expect(unredeemed.status).toBe(200)

      await redis.kill()
      const post = await timed(portal.ask(VM))
      expect(post.value.status).toBe(503)
      expect(post.value.headers.get('retry-after')).toBe('2')
      expect(post.value.body.error).toMatchObject({
        kind: 'server',
        code: 'service_unavailable',
        retryable: true,
      })
      expect(post.ms).toBeLessThan(DEADLINE_MS + MARGIN_MS)
      // The fetch-style handler (a Next.js route) answers the same.
      const viaFetch = await timed(
        portal.gateway.fetch(
          new Request(`${portal.url}/consoles`, {
            method: 'POST',
            // No Origin: a fetch-style Request here has no Host to compare it with.
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(VM),
          }),
        ),
      )
      expect(viaFetch.value.status).toBe(503)
      expect(viaFetch.value.headers.get('retry-after')).toBe('2')
      expect(((await viaFetch.value.json()) as { error: { code: string } }).error.code).toBe(
        'service_unavailable',
      )
      expect(viaFetch.ms).toBeLessThan(DEADLINE_MS + MARGIN_MS)
      const socket = await timed(upgrade(portal, unredeemed.body.url))
      expect(socket.value.status).toBe(503)
      expect(socket.value.body?.error.code).toBe('service_unavailable')
      expect(socket.ms).toBeLessThan(DEADLINE_MS + MARGIN_MS)
      console.info(
        `${kind}, Redis killed: POST 503 in ${Math.round(post.ms)} ms, fetch 503 in ${Math.round(viaFetch.ms)} ms, websocket 503 in ${Math.round(socket.ms)} ms`,
      )

      // Both relays still carry bytes both ways: the server answers the version with its
      // security types.
      for (const relay of relays) relay.ws.send(Buffer.from(RFB_VERSION, 'latin1'))
      await Promise.all(relays.map((relay) => relay.waitFor(13)))
      expect(portal.gateway.stats.activeRelays).toBe(2)
      // Long enough for a failed heartbeat and a retry while Redis is away.
      await sleep(1_500)

      await redis.restart()
      const back = performance.now()
      const { answer, ms } = await grantedAgain(portal, back, 10_000)
      console.info(`${kind}: a console granted ${Math.round(ms)} ms after Redis returned`)
      // Redis came back empty; the heartbeat (retrying every second since it failed) takes the
      // open relays' slots again: with maxRelaysPerUser 3, 2 relays open and that new ticket,
      // the user is full.
      const retaken = await slotsOf(redis, 'alice', 3, 10_000)
      console.info(
        `${kind}: the relays' slots were back ${Math.round(retaken)} ms after that grant`,
      )
      const more = await portal.ask(VM)
      expect(more.status).toBe(429)
      const again = await portal.open(answer.body.url)
      expect((await again.waitFor(12)).toString()).toBe(RFB_VERSION)
      again.ws.close()
      for (const relay of relays) relay.ws.close()
      await Promise.all([again.closed, ...relays.map((relay) => relay.closed)])
      expect(logs).toContain('Renewing console slots failed; retrying every second.')
    }, 60_000)

    it('hung (SIGSTOP): 503s within the deadline, and back at once when it resumes', async () => {
      const granted = await portal.ask(VM)
      expect(granted.status).toBe(200)
      const relay = await portal.open(granted.body.url)
      const unredeemed = await portal.ask(VM)
      expect(unredeemed.status).toBe(200)

      redis.pause()
      try {
        const [post, socket] = await Promise.all([
          timed(portal.ask(VM)),
          timed(upgrade(portal, unredeemed.body.url)),
        ])
        expect(post.value.status).toBe(503)
        expect(post.ms).toBeLessThan(DEADLINE_MS + MARGIN_MS)
        expect(socket.value.status).toBe(503)
        expect(socket.ms).toBeLessThan(DEADLINE_MS + MARGIN_MS)
        console.info(
          `${kind}, Redis hung: POST 503 in ${Math.round(post.ms)} ms, websocket 503 in ${Math.round(socket.ms)} ms`,
        )
        relay.ws.send(Buffer.from(RFB_VERSION, 'latin1'))
        expect((await relay.waitFor(13)).length).toBeGreaterThanOrEqual(13)
      } finally {
        redis.resume()
      }
      const { ms } = await grantedAgain(portal, performance.now(), 10_000)
      console.info(`${kind}: a console granted ${Math.round(ms)} ms after Redis resumed`)
      relay.ws.close()
      await relay.closed
    }, 60_000)
  })
}
