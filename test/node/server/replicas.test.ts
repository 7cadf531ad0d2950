// Two console gateway replicas (child processes on Node 22) sharing one real redis-server through
// createRedisGatewayStore — one with node-redis, one with ioredis — behind a round-robin TCP
// balancer, relaying to the fake cloud's CloudTower and its built-in VNC servers. Every POST and
// websocket is placed by the balancer alone; its log proves where each one landed.
import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { startFakeCloud } from '../../../fake-cloud/startFakeCloud.ts'
import type { FakeCloudHandle } from '../../../fake-cloud/types.ts'
import { startGatewayReplica } from '../../support/startGatewayReplica.ts'
import { startRedisServer } from '../../support/startRedisServer.ts'
import { startRoundRobinBalancer } from '../../support/startRoundRobinBalancer.ts'

const CONSOLES = 100
const USERS = 25 // 4 consoles each: with a dead replica's leases still counted, 8 at most
const RFB_VERSION = 'RFB 003.008\n'
const VMS = ['vm-ubuntu-01', 'vm-windows-01']
const STEP_TIMEOUT_MS = 10_000
const STORE_DEADLINE_MS = 2_000 // the default limits.storeTimeoutMs

type Replica = Awaited<ReturnType<typeof startGatewayReplica>>
let redis: Awaited<ReturnType<typeof startRedisServer>>
let cloud: FakeCloudHandle
let replicas: Replica[] = []
let balancer: Awaited<ReturnType<typeof startRoundRobinBalancer>>

interface Console {
  i: number
  user: string
  ticket: string
  /** Every ticket this console used, first and after reconnecting. */
  used: string[]
  postedOn: number
  openedOn: number
  socket: OpenSocket
}
const consoles: Console[] = []

beforeAll(async () => {
  redis = await startRedisServer()
  cloud = await startFakeCloud({ builtInVnc: true })
  const base = {
    redisUrl: redis.url,
    cloudUrl: cloud.url,
    cloudToken: 'fake-cloudtower-admin-token',
    // Every request here comes from 127.0.0.1; the replays below are refusals on purpose.
    limits: { refusalsPerMinutePerAddress: 100_000 },
  }
  replicas = await Promise.all([
    startGatewayReplica({ ...base, name: 'A', client: 'node-redis' }),
    startGatewayReplica({ ...base, name: 'B', client: 'ioredis' }),
  ])
  balancer = await startRoundRobinBalancer(replicas.map((replica) => replica.port))
}, 60_000)

afterAll(async () => {
  for (const { socket } of consoles) socket.ws.terminate()
  await balancer?.close()
  await Promise.all(replicas.map((replica) => replica.stop()))
  await cloud?.close()
  await redis?.stop()
}, 30_000)

const withTimeout = <T>(what: string, promise: Promise<T>, ms = STEP_TIMEOUT_MS) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`timed out: ${what}`)), ms).unref(),
    ),
  ])

/** Runs `task` over `items`, `width` at a time (a 2-core machine, one event loop for the cloud). */
async function inPool<T, R>(items: readonly T[], width: number, task: (item: T) => Promise<R>) {
  const results: R[] = []
  let next = 0
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const index = next++
        results[index] = await task(items[index] as T)
      }
    }),
  )
  return results
}

/** `POST /consoles?c=label` on its own connection (so the balancer places each one). */
function askForConsole(base: string, label: string, user: string, vmId: string) {
  return withTimeout(
    `POST ${label}`,
    new Promise<{ status: number; ticket: string }>((resolve, reject) => {
      const body = JSON.stringify({ provider: 'cloudtower', vmId })
      const req = request(
        `${base}/consoles?c=${label}`,
        {
          method: 'POST',
          agent: false,
          headers: { 'content-type': 'application/json', origin: base, 'x-user': user },
        },
        (response) => {
          let text = ''
          response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')))
          response.on('end', () => {
            const answer = JSON.parse(text) as { url?: string }
            const ticket = new URL(answer.url ?? '/', base).searchParams.get('ticket') ?? ''
            resolve({ status: response.statusCode ?? 0, ticket })
          })
        },
      )
      req.on('error', reject)
      req.end(body)
    }),
  )
}

interface OpenSocket {
  ws: WebSocket
  received: () => string
  /** Resolves once `n` bytes have arrived in all. */
  bytes(n: number): Promise<string>
  closed: Promise<number>
}

/** Opens `{base}/consoles?ticket=…`; rejects with `{ status }` when the gateway refuses it. */
function openConsole(base: string, ticket: string) {
  return withTimeout(
    'websocket',
    new Promise<OpenSocket>((resolve, reject) => {
      const ws = new WebSocket(
        `${base.replace('http', 'ws')}/consoles?ticket=${ticket}`,
        ['binary'],
        { origin: base, perMessageDeflate: false },
      )
      let text = ''
      const waiters = new Set<() => void>()
      ws.on('message', (data: Buffer) => {
        text += data.toString('latin1')
        for (const wake of waiters) wake()
      })
      const closed = new Promise<number>((done) => ws.once('close', done))
      void closed.then(() => waiters.forEach((wake) => wake()))
      ws.once('unexpected-response', (_request, response) => {
        response.resume()
        reject(
          Object.assign(new Error(`HTTP ${response.statusCode}`), { status: response.statusCode }),
        )
      })
      ws.once('error', reject)
      ws.once('open', () =>
        resolve({
          ws,
          received: () => text,
          closed,
          bytes: (n) =>
            withTimeout(
              `${n} bytes`,
              new Promise<string>((done, fail) => {
                const check = () => {
                  if (text.length >= n) done(text)
                  else if (ws.readyState === WebSocket.CLOSED) fail(new Error('closed early'))
                  else return
                  waiters.delete(check)
                }
                waiters.add(check)
                check()
              }),
            ),
        }),
      )
    }),
  )
}

/** The balancer's record of the connection whose first line starts with `line`. */
const landed = (line: string) => {
  const found = balancer.log.filter((entry) => entry.firstLine.startsWith(`${line} `))
  expect(found, line).toHaveLength(1)
  return found[0]?.backend
}
const statusOf = (error: unknown) => (error as { status?: number }).status

describe('two gateway replicas on one Redis, behind a round-robin balancer', () => {
  it('opens 100 consoles, each POST and its websocket on different replicas, 0 failures', async () => {
    const asked = await inPool([...Array(CONSOLES).keys()], 10, async (i) => {
      const user = `user-${i % USERS}`
      const answer = await askForConsole(balancer.url, String(i), user, VMS[i % 2] ?? '')
      expect(answer.status, `console ${i}`).toBe(200)
      return { i, user, ticket: answer.ticket, postedOn: landed(`POST /consoles?c=${i}`) ?? -1 }
    })
    const postedOn = [0, 1].map((b) => asked.filter((c) => c.postedOn === b))
    expect(postedOn.map((list) => list.length)).toEqual([50, 50])

    // One websocket at a time, so the test knows which replica the balancer offers next, and
    // sends it a ticket the other replica issued. The balancer decides; its log is checked below.
    for (let n = 0; n < CONSOLES; n++) {
      const next = balancer.peek()
      const item = postedOn[1 - next]?.shift()
      if (!item) throw new Error(`no ticket from replica ${1 - next} left for connection ${n}`)
      const socket = await openConsole(balancer.url, item.ticket)
      const openedOn = landed(`GET /consoles?ticket=${item.ticket}`) ?? -1
      consoles.push({ ...item, used: [item.ticket], openedOn, socket })
    }
    // The console's RFB version string came through every relay.
    const versions = await Promise.all(consoles.map(({ socket }) => socket.bytes(12)))
    expect(versions.filter((text) => text === RFB_VERSION)).toHaveLength(CONSOLES)
    for (const c of consoles) {
      expect([c.postedOn, c.openedOn]).toEqual([c.postedOn, 1 - c.postedOn])
    }
    const [a, b] = await Promise.all(replicas.map((replica) => replica.stats()))
    expect([a?.stats.activeRelays, b?.stats.activeRelays]).toEqual([50, 50])
    expect(cloud.stats.activeRelays).toBe(CONSOLES)
  }, 120_000)

  it('refuses every used ticket on both replicas, and gives a fresh one to exactly one of two at once', async () => {
    const replays = consoles.flatMap((c) =>
      replicas.map((replica) => ({ replica, ticket: c.ticket })),
    )
    const statuses = await inPool(replays, 10, ({ replica, ticket }) =>
      openConsole(replica.url, ticket).then(
        (socket) => (socket.ws.terminate(), 101),
        (error: unknown) => statusOf(error),
      ),
    )
    expect(statuses).toHaveLength(2 * CONSOLES)
    expect(statuses.filter((status) => status === 403)).toHaveLength(2 * CONSOLES)

    for (let round = 0; round < 10; round++) {
      const { status, ticket } = await askForConsole(
        balancer.url,
        `race-${round}`,
        `race-${round}`,
        'vm-ubuntu-01',
      )
      expect(status).toBe(200)
      const both = await Promise.allSettled(
        replicas.map((replica) => openConsole(replica.url, ticket)),
      )
      const opened = both.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []))
      const refusedWith = both.flatMap((result) =>
        result.status === 'rejected' ? [statusOf(result.reason)] : [],
      )
      expect({ round, opened: opened.length, refusedWith }).toEqual({
        round,
        opened: 1,
        refusedWith: [403],
      })
      await opened[0]?.bytes(12)
      opened[0]?.ws.close()
      await opened[0]?.closed
    }
  }, 60_000)

  it("counts a user's consoles across both replicas", async () => {
    const answers = []
    for (let n = 0; n < 9; n++)
      answers.push(await askForConsole(balancer.url, `limit-${n}`, 'limited', 'vm-ubuntu-01'))
    // The default maxRelaysPerUser (8), filled from both replicas, refused by whichever came next.
    expect(answers.map((answer) => answer.status)).toEqual([...Array(8).fill(200), 429])
    const where = answers.map((_, n) => landed(`POST /consoles?c=limit-${n}`))
    expect(new Set(where.slice(0, 8))).toEqual(new Set([0, 1]))
  })

  // A user whose consoles outlive Redis: opened before it dies, still relaying after it is back.
  const outlasting: OpenSocket[] = []

  it('with Redis killed: open relays keep relaying, every POST and websocket gets a 503 within the store deadline', async () => {
    for (const [n, replica] of replicas.entries()) {
      // Asked straight from each replica, so each relays one of them.
      const granted = await askForConsole(replica.url, `outlast-${n}`, 'outlasting', 'vm-ubuntu-01')
      expect(granted.status).toBe(200)
      const socket = await openConsole(replica.url, granted.ticket)
      expect(await socket.bytes(12)).toBe(RFB_VERSION)
      outlasting.push(socket)
    }
    const unredeemed = []
    for (const n of [0, 1])
      unredeemed.push(
        await askForConsole(balancer.url, `unredeemed-${n}`, 'waiting', 'vm-ubuntu-01'),
      )
    const before = await Promise.all(replicas.map((replica) => replica.stats()))

    await redis.kill()
    // Round robin: two POSTs on each replica.
    const answers = []
    for (let n = 0; n < 4; n++) {
      const started = performance.now()
      const answer = await askForConsole(balancer.url, `redis-down-${n}`, 'down', 'vm-ubuntu-01')
      answers.push({ status: answer.status, ms: performance.now() - started })
    }
    expect(answers.map((answer) => answer.status)).toEqual([503, 503, 503, 503])
    expect(Math.max(...answers.map((answer) => answer.ms))).toBeLessThan(STORE_DEADLINE_MS + 1_500)
    const where = answers.map((_, n) => landed(`POST /consoles?c=redis-down-${n}`))
    expect(new Set(where)).toEqual(new Set([0, 1]))
    // Each replica refuses a websocket whose ticket it cannot look up, before any 101.
    for (const [n, replica] of replicas.entries()) {
      const started = performance.now()
      const status = await openConsole(replica.url, unredeemed[n]?.ticket ?? '').then(
        (socket) => (socket.ws.terminate(), 101),
        (error: unknown) => statusOf(error),
      )
      expect({ replica: n, status }).toEqual({ replica: n, status: 503 })
      expect(performance.now() - started).toBeLessThan(STORE_DEADLINE_MS + 1_500)
    }
    // The relays carry on: the console answers the version with its security types.
    for (const socket of outlasting) socket.ws.send(Buffer.from(RFB_VERSION, 'latin1'))
    await Promise.all(outlasting.map((socket) => socket.bytes(13)))
    const during = await Promise.all(replicas.map((replica) => replica.stats()))
    expect(during.map((replica) => replica.stats.activeRelays)).toEqual(
      before.map((replica) => replica.stats.activeRelays),
    )
  }, 60_000)

  it('with Redis back, empty: both replicas grant consoles within seconds, and open relays count again', async () => {
    await redis.restart()
    const back = performance.now()
    const grantedOn = new Map<number, number>()
    for (let n = 0; grantedOn.size < 2; n++) {
      if (performance.now() - back > 15_000)
        throw new Error('no consoles 15 s after Redis returned')
      const answer = await askForConsole(
        balancer.url,
        `redis-back-${n}`,
        `back-${n}`,
        'vm-ubuntu-01',
      )
      const replica = landed(`POST /consoles?c=redis-back-${n}`) ?? -1
      if (answer.status === 200 && !grantedOn.has(replica))
        grantedOn.set(replica, performance.now() - back)
      else if (answer.status !== 200) expect(answer.status).toBe(503)
      if (answer.status !== 200) await new Promise((resolve) => setTimeout(resolve, 100))
    }
    console.info(
      `replicas: consoles granted again ${[...grantedOn.values()].map(Math.round).join(' and ')} ms after Redis returned`,
    )
    // The outlasting user's 2 relays (one per replica) take their slots again: of the default
    // maxRelaysPerUser (8), 6 are left.
    const started = performance.now()
    let held = 0
    while (held < 2 && performance.now() - started < 10_000) {
      held = Number(
        /^:(\d+)/.exec(await redis.command('ZCARD {rvc}:slots:user:user:outlasting'))?.[1],
      )
      if (held < 2) await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect(held).toBe(2)
    const statuses = []
    for (let n = 0; n < 7; n++)
      statuses.push(
        (await askForConsole(balancer.url, `outlast-more-${n}`, 'outlasting', 'vm-ubuntu-01'))
          .status,
      )
    expect(statuses).toEqual([...Array(6).fill(200), 429])
    for (const socket of outlasting) {
      expect(socket.ws.readyState).toBe(WebSocket.OPEN)
      socket.ws.close()
    }
    await Promise.all(outlasting.map((socket) => socket.closed))
  }, 60_000)

  it('survives a replica killed mid-run: its relays drop, its clients reconnect through the other', async () => {
    const [survivor, victim] = replicas
    if (!survivor || !victim) throw new Error('two replicas expected')
    const onVictim = consoles.filter((c) => c.openedOn === 1)
    const onSurvivor = consoles.filter((c) => c.openedOn === 0)
    expect([onVictim.length, onSurvivor.length]).toEqual([50, 50])
    const logBefore = balancer.log.length

    await victim.kill()
    const codes = await withTimeout(
      'relays through the dead replica to drop',
      Promise.all(onVictim.map((c) => c.socket.closed)),
    )
    expect(codes.filter((code) => code === 1006)).toHaveLength(onVictim.length)
    expect(onSurvivor.filter((c) => c.socket.ws.readyState === WebSocket.OPEN)).toHaveLength(50)

    // Each dropped client does what the viewer does: a new ticket, a new socket, via the balancer.
    await inPool(onVictim, 10, async (c) => {
      const label = `again-${c.i}`
      const answer = await askForConsole(balancer.url, label, c.user, VMS[c.i % 2] ?? '')
      expect(answer.status, label).toBe(200)
      expect(c.used).not.toContain(answer.ticket)
      c.socket = await openConsole(balancer.url, answer.ticket)
      c.used.push(answer.ticket)
      c.ticket = answer.ticket
      c.postedOn = landed(`POST /consoles?c=${label}`) ?? -1
      c.openedOn = landed(`GET /consoles?ticket=${answer.ticket}`) ?? -1
      expect(await c.socket.bytes(12)).toBe(RFB_VERSION)
    })
    expect(onVictim.every((c) => c.postedOn === 0 && c.openedOn === 0)).toBe(true)
    // The balancer did try the dead replica, and went on to the survivor.
    const after = balancer.log.slice(logBefore)
    expect(after.filter((entry) => entry.refused.includes(1)).length).toBeGreaterThan(0)
    expect(after.every((entry) => entry.backend === 0)).toBe(true)

    // All 100 are live: each finishes the RFB version exchange (the server then lists security types).
    for (const c of consoles) c.socket.ws.send(Buffer.from(RFB_VERSION, 'latin1'))
    await Promise.all(consoles.map((c) => c.socket.bytes(13)))
    expect((await survivor.stats()).stats.activeRelays).toBe(CONSOLES)
    expect(cloud.stats.activeRelays).toBe(CONSOLES)

    // Every ticket used so far, before and after the crash, is spent on the survivor too.
    const used = consoles.flatMap((c) => c.used)
    expect(used).toHaveLength(CONSOLES + onVictim.length)
    const replays = await inPool(used, 10, (ticket) =>
      openConsole(survivor.url, ticket).then(
        (socket) => (socket.ws.terminate(), 101),
        (error: unknown) => statusOf(error),
      ),
    )
    expect(replays.filter((status) => status === 403)).toHaveLength(used.length)
  }, 120_000)
})
