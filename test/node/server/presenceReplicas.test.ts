// Issue 18's "done means" for presence: two gateway replicas (child processes) on one real
// redis-server, alice's console on replica A and bob's on replica B, both on one VM, over real
// websockets to the fake cloud's VNC server. Each sees the other within 2 s; bob leaves and
// alice's list updates; replica B is killed (SIGKILL) with bob's session open: of the two
// survivors (A, C), one claims it and reports it as ended, exactly once, and presence forgets it.
// It fails on the old gateway: `{path}/presence` did not exist and nothing kept sessions.
import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { startFakeCloud } from '../../../fake-cloud/startFakeCloud.ts'
import type { FakeCloudHandle } from '../../../fake-cloud/types.ts'
import { startGatewayReplica } from '../../support/startGatewayReplica.ts'
import { startRedisServer } from '../../support/startRedisServer.ts'

const VM = { provider: 'cloudtower', vmId: 'vm-ubuntu-01' }
const SESSION_LEASE_MS = 3_000
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

type Replica = Awaited<ReturnType<typeof startGatewayReplica>>
let redis: Awaited<ReturnType<typeof startRedisServer>>
let cloud: FakeCloudHandle
let a: Replica
let b: Replica
// A third replica, so two survivors race to claim the dead replica's session.
let c: Replica

beforeAll(async () => {
  redis = await startRedisServer()
  cloud = await startFakeCloud({ builtInVnc: true })
  const base = {
    redisUrl: redis.url,
    cloudUrl: cloud.url,
    cloudToken: 'fake-cloudtower-admin-token',
    limits: { sessionLeaseMs: SESSION_LEASE_MS },
  }
  ;[a, b, c] = await Promise.all([
    startGatewayReplica({ ...base, name: 'A', client: 'node-redis' }),
    startGatewayReplica({ ...base, name: 'B', client: 'ioredis' }),
    startGatewayReplica({ ...base, name: 'C', client: 'ioredis' }),
  ])
}, 60_000)

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop(), c?.stop()])
  await cloud?.close()
  await redis?.stop()
}, 30_000)

function post(replica: Replica, route: string, user: string) {
  return new Promise<{ status: number; body: Record<string, unknown> }>((resolve, reject) => {
    const req = request(
      `${replica.url}/consoles${route}`,
      {
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', origin: replica.url, 'x-user': user },
      },
      (response) => {
        let text = ''
        response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')))
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) }),
        )
      },
    )
    req.on('error', reject)
    req.end(JSON.stringify(VM))
  })
}

/** A console as the browser opens it: the POST and the websocket, both on `replica`. */
async function openConsole(replica: Replica, user: string) {
  const answer = await post(replica, '', user)
  expect(answer.status).toBe(200)
  const ws = new WebSocket(
    new URL(String(answer.body.url), replica.url.replace('http', 'ws')),
    ['binary'],
    { origin: replica.url },
  )
  const closed = new Promise<void>((resolve) => ws.once('close', () => resolve()))
  // The console's RFB version string: the relay is up.
  await new Promise<void>((resolve, reject) => {
    ws.once('message', () => resolve())
    ws.once('error', reject)
  })
  return { ws, closed }
}

const viewers = async (replica: Replica, user: string) => {
  const answer = await post(replica, '/presence', user)
  expect(answer.status).toBe(200)
  return (answer.body.viewers as { user: string }[]).map((viewer) => viewer.user)
}

/** Polls `user`'s presence on `replica` every 250 ms (the browser polls every second) until it is `expected`. */
async function until(replica: Replica, user: string, expected: string[], timeoutMs: number) {
  const started = performance.now()
  let seen = await viewers(replica, user)
  while (JSON.stringify(seen) !== JSON.stringify(expected)) {
    if (performance.now() - started > timeoutMs) {
      throw new Error(
        `${user} on ${replica.name} saw ${JSON.stringify(seen)}, not ${JSON.stringify(expected)}`,
      )
    }
    await sleep(250)
    seen = await viewers(replica, user)
  }
  return performance.now() - started
}

describe('presence across two replicas on one Redis', () => {
  it('alice on A and bob on B see each other within 2 s; bob leaves and alice sees it', async () => {
    const alice = await openConsole(a, 'alice')
    const bob = await openConsole(b, 'bob')
    const seenByAlice = await until(a, 'alice', ['bob'], 2_000)
    const seenByBob = await until(b, 'bob', ['alice'], 2_000)
    console.info(
      `presence: alice saw bob ${Math.round(seenByAlice)} ms, bob saw alice ${Math.round(seenByBob)} ms after their consoles opened`,
    )
    bob.ws.close()
    await bob.closed
    const left = await until(a, 'alice', [], 2_000)
    console.info(`presence: alice saw bob leave within ${Math.round(left)} ms`)
    alice.ws.close()
    await alice.closed
  }, 30_000)

  it('kills replica B with bob on it: one of the two survivors reports his session ended, exactly once', async () => {
    const alice = await openConsole(a, 'alice')
    await openConsole(b, 'bob')
    await until(a, 'alice', ['bob'], 2_000)
    const bobStart = b.audits.findLast(
      (event) => event.type === 'session.start' && event.user === 'bob',
    )
    expect(bobStart).toMatchObject({ replica: 'B', vmId: 'vm-ubuntu-01', mode: 'control' })
    const ends = (sessionId: unknown) =>
      [...a.audits, ...b.audits, ...c.audits].filter(
        (event) => event.type === 'session.end' && event.sessionId === sessionId,
      )

    await b.kill()
    const killed = performance.now()
    // Gone from presence once its lease lapses (B renewed it at most a lease ago).
    await until(a, 'alice', [], SESSION_LEASE_MS + 2_000)
    while (
      ends(bobStart?.sessionId).length === 0 &&
      performance.now() - killed < SESSION_LEASE_MS + 10_000
    ) {
      await sleep(100)
    }
    console.info(
      `presence: bob's session reported ended (unknown) ${Math.round(performance.now() - killed)} ms after replica B was killed`,
    )
    // Two more leases: no second report.
    await sleep(2 * SESSION_LEASE_MS)
    expect(ends(bobStart?.sessionId)).toEqual([
      expect.objectContaining({
        type: 'session.end',
        user: 'bob',
        vmId: 'vm-ubuntu-01',
        closedBy: 'unknown',
        closeCode: null,
        reason: 'replica B lost',
        replica: expect.stringMatching(/^[AC]$/),
      }),
    ])
    expect(await viewers(c, 'carol')).toEqual(['alice'])
    // Alice's own session, on a survivor, ends once, as she closes it.
    const aliceStart = a.audits.findLast(
      (event) => event.type === 'session.start' && event.user === 'alice',
    )
    expect(ends(aliceStart?.sessionId)).toEqual([])
    expect(alice.ws.readyState).toBe(WebSocket.OPEN)
    alice.ws.close()
    await alice.closed
    await sleep(200)
    expect(ends(aliceStart?.sessionId)).toEqual([
      expect.objectContaining({ closedBy: 'browser', replica: 'A' }),
    ])
  }, 60_000)
})
