// Load benchmark for react-vm-console/server (not a test): N concurrent consoles streaming
// framebuffer-like data through the gateway on loopback, against a baseline straight to the
// console proxy. Reports throughput, added p99 latency per message, memory per relay and bytes
// lost (must be 0); prints a table and writes JSON to bench-results/.
// A third phase runs the same load through two replicas sharing a real redis-server (Debian's
// `redis-server`; BENCH_REPLICAS=0 skips it) behind a round-robin balancer, and reports relays
// held per replica and Redis round trips per console against the one in-memory replica.
// Another phase runs the same load through a gateway with `audit` (JSON lines to a file) and
// `record` (the file sink) on, in a temp dir, and compares throughput and memory per relay with
// the plain gateway (BENCH_AUDIT_RECORD=0 skips it). Both sides speak RFB (a None handshake, then
// numbered frames as updates and FramebufferUpdateRequests as input): the gateway parses the
// browser's stream and cuts what is not RFB.
//
//   node_modules/.bin/node bench/gatewayLoad.ts            # 200 sessions, 30 s
//   BENCH_DURATION_S=5 BENCH_SESSIONS=50 node_modules/.bin/node bench/gatewayLoad.ts
//
// Env: BENCH_SESSIONS (200), BENCH_DURATION_S (30), BENCH_BASELINE_S (min(10, duration)),
// BENCH_FPS (15), BENCH_FRAME_BYTES (16384), BENCH_INPUT_HZ (20), BENCH_HWM (gateway default),
// BENCH_REPLICAS (1: run the replicas phase), BENCH_AUDIT_RECORD (1: run the audit + recording phase).
// The gateway runs in a child process so its memory is its own; the console proxy, the fake
// ECS API and the clients share this process (and its clock). Each replica is such a child too.
import { fork, type ChildProcess } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import '../test/support/resolveTsFromJs.ts'
import type { AddressInfo } from 'node:net'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { WebSocket, WebSocketServer } from 'ws'
import type { GatewayStore } from '../src/server/store/GatewayStore.ts'
import { requestFakeEcsConsole } from '../test/support/console/node/requestFakeEcsConsole.ts'

const env = (name: string, fallback: number) => {
  const value = Number(process.env[name])
  return Number.isFinite(value) && value > 0 ? value : fallback
}
const SESSIONS = env('BENCH_SESSIONS', 200)
const DURATION_S = env('BENCH_DURATION_S', 30)
const BASELINE_S = env('BENCH_BASELINE_S', Math.min(10, DURATION_S))
const FPS = env('BENCH_FPS', 15)
const FRAME = Math.max(64, env('BENCH_FRAME_BYTES', 16_384))
const INPUT_HZ = env('BENCH_INPUT_HZ', 20)
// The gateway's limits.highWaterMark; unset: the gateway's default.
const HWM = process.env.BENCH_HWM ? env('BENCH_HWM', 0) : undefined
const REPLICAS = process.env.BENCH_REPLICAS !== '0'
const AUDIT_RECORD = process.env.BENCH_AUDIT_RECORD !== '0'
// The RFB handshake the console proxy and the clients go through (security None, 3.8).
const RFB_VERSION = Buffer.from('RFB 003.008\n')
const SERVER_INIT = Buffer.concat([
  Buffer.from([4, 0, 3, 0]), // 1024x768
  Buffer.from([32, 24, 0, 1, 0, 255, 0, 255, 0, 255, 16, 8, 0, 0, 0, 0]),
  Buffer.alloc(4), // no name
])
// A FramebufferUpdateRequest: the input every client sends (10 bytes, as before).
const INPUT = Buffer.from([3, 1, 0, 0, 0, 0, 0, 16, 0, 16])
const PROJECT = '13c67a214ced4afb88d911ae4bd5721a'
const SERVER = '47bc79ae-df61-4ade-9197-283a74e5d70e'

if (process.argv.includes('--gateway')) await runGateway()
else if (process.argv.includes('--balancer')) await runBalancer()
else await main()

/**
 * The child that balances the replicas phase: its own process (and core), as a real load
 * balancer is, so its piping does not slow the clients and the console proxy in the parent.
 */
async function runBalancer() {
  const { startRoundRobinBalancer } = await import('../test/support/startRoundRobinBalancer.ts')
  const ports = (process.argv[process.argv.indexOf('--balancer') + 1] ?? '').split(',')
  const balancer = await startRoundRobinBalancer(ports.map(Number))
  process.send?.({ port: balancer.port })
  process.on('message', (message: { type: string }) => {
    if (message.type === 'exit') void balancer.close().then(() => process.exit(0))
  })
}

/**
 * The child: a node:http server with the gateway, reporting its memory on request. With
 * `--redis URL node-redis|ioredis` its store is createRedisGatewayStore on that client.
 */
async function runGateway() {
  const { createServer } = await import('node:http')
  const { createConsoleGateway } = await import('../src/server/createConsoleGateway.ts')
  const arg = (name: string, offset = 1) => {
    const at = process.argv.indexOf(name)
    return at < 0 ? undefined : process.argv[at + offset]
  }
  const ecsEndpoint = arg('--gateway') ?? ''
  const redisUrl = arg('--redis')
  const counted = await countedStore(redisUrl, arg('--redis', 2))
  // --audit-record DIR: audit events as JSON lines to DIR/audit.jsonl, recordings to DIR/.
  const auditDir = arg('--audit-record')
  const { createJsonLinesAuditSink } =
    await import('../src/server/audit/createJsonLinesAuditSink.ts')
  const { createFileRecordingSink } =
    await import('../src/server/recording/createFileRecordingSink.ts')
  const audit = auditDir ? createJsonLinesAuditSink({ path: `${auditDir}/audit.jsonl` }) : undefined
  const gateway = createConsoleGateway({
    ...(auditDir && {
      audit,
      record: { sink: createFileRecordingSink({ directory: auditDir }) },
    }),
    store: counted.store,
    authorize: (request) => ({ user: request.headers['x-user'] ?? 'bench' }),
    providers: { ecs: { endpoint: ecsEndpoint, projectId: PROJECT, authToken: 'fake-ecs-token' } },
    limits: {
      maxRelays: SESSIONS * 2,
      requestsPerMinute: SESSIONS * 10,
      ...(HWM !== undefined && { highWaterMark: HWM }),
    },
  })
  const server = createServer((request, response) => void gateway.handleRequest(request, response))
  server.on(
    'upgrade',
    (request, socket, head) => gateway.upgrade(request, socket, head) || socket.destroy(),
  )
  server.listen(0, '127.0.0.1', () => {
    process.send?.({ port: (server.address() as AddressInfo).port })
  })
  process.on('message', (message: { type: string; gc?: boolean }) => {
    if (message.type === 'memory') {
      // A forced full GC pauses every relay: only at rest, never mid-run.
      if (message.gc) globalThis.gc?.()
      process.send?.({
        memory: process.memoryUsage(),
        cpu: process.cpuUsage(),
        at: performance.now(),
        stats: { ...gateway.stats },
        storeCalls: { ...counted.storeCalls },
        roundTrips: counted.roundTrips(),
      })
    }
    if (message.type === 'exit')
      void gateway
        .close()
        .then(() => audit?.close())
        .then(() => counted.close())
        .then(() => process.exit(0))
  })
}

/**
 * The replica's store, with its calls counted two ways: per GatewayStore method (what the gateway
 * asks, the same in memory and in Redis), and per command sent by the Redis client (round trips:
 * the adapter's calls, each one request and one reply).
 */
async function countedStore(redisUrl: string | undefined, client: string | undefined) {
  const { createMemoryGatewayStore } =
    await import('../src/server/store/createMemoryGatewayStore.ts')
  const { createRedisGatewayStore } = await import('../src/server/redis/createRedisGatewayStore.ts')
  let roundTrips = 0
  let close = async () => {}
  let store = createMemoryGatewayStore()
  if (redisUrl && client === 'ioredis') {
    const { Redis } = await import('ioredis')
    const redis = new Redis(redisUrl)
    const call = (command: string, ...args: string[]) => (
      roundTrips++,
      redis.call(command, ...args)
    )
    store = createRedisGatewayStore({ client: { call } })
    close = async () => void (await redis.quit())
  } else if (redisUrl) {
    const { createClient } = await import('redis')
    const redis = createClient({ url: redisUrl })
    await redis.connect()
    const sendCommand = (args: string[]) => (roundTrips++, redis.sendCommand(args))
    store = createRedisGatewayStore({ client: { sendCommand } })
    close = () => redis.close()
  }
  const storeCalls: Record<string, number> = {}
  const tally = (name: keyof GatewayStore) => (storeCalls[name] = (storeCalls[name] ?? 0) + 1)
  const counting: GatewayStore = {
    putTicket: (...args) => (tally('putTicket'), store.putTicket(...args)),
    takeTicket: (...args) => (tally('takeTicket'), store.takeTicket(...args)),
    hit: (...args) => (tally('hit'), store.hit(...args)),
    acquireSlot: (...args) => (tally('acquireSlot'), store.acquireSlot(...args)),
    renewSlots: (...args) => (tally('renewSlots'), store.renewSlots(...args)),
    releaseSlot: (...args) => (tally('releaseSlot'), store.releaseSlot(...args)),
  }
  // The live sessions (presence, the replica sweep) when the store has them, counted too: without
  // them the gateway keeps sessions per replica and the Redis cost would leave them out.
  const { putSessions, endSession, listSessions, claimLapsedSessions } = store
  if (putSessions && endSession && listSessions && claimLapsedSessions) {
    Object.assign(counting, {
      putSessions: (...args: Parameters<typeof putSessions>) => (
        tally('putSessions'),
        putSessions.apply(store, args)
      ),
      endSession: (...args: Parameters<typeof endSession>) => (
        tally('endSession'),
        endSession.apply(store, args)
      ),
      listSessions: (...args: Parameters<typeof listSessions>) => (
        tally('listSessions'),
        listSessions.apply(store, args)
      ),
      claimLapsedSessions: (...args: Parameters<typeof claimLapsedSessions>) => (
        tally('claimLapsedSessions'),
        claimLapsedSessions.apply(store, args)
      ),
    })
  }
  return { store: counting, storeCalls, roundTrips: () => roundTrips, close }
}

interface Phase {
  name: string
  sessions: number
  seconds: number
  bytesSentDown: number
  bytesReceivedDown: number
  bytesSentUp: number
  bytesReceivedUp: number
  messages: number
  corrupt: number
  latencies: number[]
}

/** The parent: console proxy, fake ECS API, clients; a baseline phase, then the gateway phase. */
async function main() {
  const { startFakeCloud } = await import('../fake-cloud/startFakeCloud.ts')
  // The console proxy: streams numbered, timestamped frames to each socket and counts input.
  const proxy = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false })
  await new Promise((resolve) => proxy.once('listening', resolve))
  const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`
  let phase: Phase | undefined
  proxy.on('connection', (ws) => {
    let seq = 0
    const current = phase
    // The server's side of the handshake, one answer per client message, then input counted.
    let step = 0
    ws.send(RFB_VERSION)
    ws.on('message', (data: Buffer) => {
      if (step === 0) ws.send(Buffer.from([1, 1]))
      else if (step === 1) ws.send(Buffer.alloc(4))
      else if (step === 2) ws.send(SERVER_INIT)
      else if (current) current.bytesReceivedUp += data.length
      step++
    })
    const timer = setInterval(() => {
      // A VNC server skips updates while its client is behind; it stops when the phase ends.
      if (
        step < 3 ||
        phase !== current ||
        !current ||
        ws.readyState !== ws.OPEN ||
        ws.bufferedAmount > 8 * FRAME
      )
        return
      const frame = Buffer.allocUnsafe(FRAME)
      frame.fill(seq & 0xff, 12)
      frame.writeUInt32BE(seq++, 0)
      frame.writeDoubleBE(performance.now(), 4)
      current.bytesSentDown += FRAME
      ws.send(frame)
    }, 1000 / FPS)
    ws.on('close', () => clearInterval(timer))
  })
  const cloud = await startFakeCloud({ publicUrl: proxyUrl, builtInVnc: false, vncTarget: null })

  /** A child process (a gateway, or the balancer) and a way to ask it things over IPC. */
  const startChild = async (args: string[]) => {
    const child: ChildProcess = fork(fileURLToPath(import.meta.url), args, {
      execArgv: ['--expose-gc'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
    const ask = <T>(message: object, key: string) =>
      new Promise<T>((resolve) => {
        const listener = (reply: Record<string, unknown>) => {
          if (key in reply) {
            child.off('message', listener)
            resolve(reply as T)
          }
        }
        child.on('message', listener)
        if (Object.keys(message).length) child.send(message)
      })
    const { port } = await ask<{ port: number }>({}, 'port')
    const exit = async () => {
      child.send({ type: 'exit' })
      await new Promise((resolve) => child.once('exit', resolve))
    }
    return { child, ask, port, url: `http://127.0.0.1:${port}`, exit }
  }
  const single = await startChild(['--gateway', cloud.url])
  const { ask } = single
  const gatewayUrl = single.url
  type Memory = {
    memory: NodeJS.MemoryUsage
    cpu: NodeJS.CpuUsage
    at: number
    stats: Record<string, number>
    storeCalls: Record<string, number>
    roundTrips: number
  }
  const idle = await ask<Memory>({ type: 'memory', gc: true }, 'memory')
  const idleMemory = idle.memory

  const directUrl = async () => {
    const consolePage = await requestFakeEcsConsole(cloud.url)
    return `${proxyUrl.replace('http', 'ws')}/websockify?token=${new URL(consolePage).searchParams.get('token')}`
  }
  const via = (base: string) => async (i: number) => {
    const response = await fetch(`${base}/consoles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-user': `user-${i}`, origin: base },
      body: JSON.stringify({ provider: 'ecs', serverId: SERVER }),
    })
    if (!response.ok)
      throw new Error(`gateway answered ${response.status}: ${await response.text()}`)
    const { url } = (await response.json()) as { url: string }
    return `${base.replace('http', 'ws')}${url}`
  }
  const viaGateway = via(gatewayUrl)

  async function run(
    name: string,
    seconds: number,
    urlFor: (i: number) => Promise<string>,
    midRun?: () => Promise<void>,
  ) {
    const current: Phase = {
      name,
      sessions: SESSIONS,
      seconds,
      bytesSentDown: 0,
      bytesReceivedDown: 0,
      bytesSentUp: 0,
      bytesReceivedUp: 0,
      messages: 0,
      corrupt: 0,
      latencies: [],
    }
    phase = current
    const sockets = await Promise.all(
      Array.from({ length: SESSIONS }, async (_, i) => {
        const url = await urlFor(i)
        const ws = new WebSocket(url, ['binary'], {
          perMessageDeflate: false,
          // The gateway checks Origin against Host: the page is where the socket goes.
          origin: new URL(url).origin.replace(/^ws/, 'http'),
        })
        let expected = 0
        // The client's side of the handshake: version, security None, ClientInit (shared);
        // the ServerInit ends it. One listener, so a frame right behind it is counted.
        let step = 0
        let handshakeDone = () => {}
        const ready = new Promise<void>((resolve) => (handshakeDone = resolve))
        ws.on('message', (data: Buffer) => {
          if (step < 4) {
            if (step === 0) ws.send(RFB_VERSION)
            else if (step === 1 || step === 2) ws.send(Buffer.from([1]))
            else handshakeDone()
            step++
            return
          }
          const now = performance.now()
          current.bytesReceivedDown += data.length
          current.messages++
          const seq = data.readUInt32BE(0)
          if (seq !== expected++ || data.length !== FRAME || data[FRAME - 1] !== (seq & 0xff))
            current.corrupt++
          current.latencies.push(now - data.readDoubleBE(4))
        })
        await new Promise((resolve, reject) => {
          ws.once('open', resolve)
          ws.once('error', reject)
        })
        await ready
        const timer = setInterval(() => {
          current.bytesSentUp += INPUT.length
          ws.send(INPUT)
        }, 1000 / INPUT_HZ)
        ws.on('close', () => clearInterval(timer))
        return { ws, timer }
      }),
    )
    const started = performance.now()
    if (midRun) setTimeout(() => void midRun(), (seconds * 1000) / 2)
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000))
    // Stop producing, then let everything in flight arrive before counting losses.
    phase = undefined
    for (const { timer } of sockets) clearInterval(timer)
    const settleUntil = performance.now() + 10_000
    while (
      (current.bytesReceivedDown < current.bytesSentDown ||
        current.bytesReceivedUp < current.bytesSentUp) &&
      performance.now() < settleUntil
    ) {
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    const elapsed = (performance.now() - started) / 1000
    await Promise.all(
      sockets.map(({ ws }) => new Promise((resolve) => (ws.once('close', resolve), ws.close()))),
    )
    return { ...current, elapsed }
  }

  console.log(
    `${SESSIONS} sessions, ${FPS} fps x ${FRAME} B frames, input ${INPUT_HZ} Hz; baseline ${BASELINE_S} s, gateway ${DURATION_S} s`,
  )
  const baseline = await run('direct', BASELINE_S, () => directUrl())
  let busy: Memory | undefined
  const before = await ask<Memory>({ type: 'memory' }, 'memory')
  const gateway = await run('gateway', DURATION_S, viaGateway, async () => {
    busy = await ask<Memory>({ type: 'memory' }, 'memory')
  })
  await new Promise((resolve) => setTimeout(resolve, 300))
  const after = await ask<Memory>({ type: 'memory' }, 'memory')
  await single.exit()

  /** The same load through a gateway with audit (JSON lines) and recording (files) on. */
  async function runAuditRecord() {
    const { mkdtemp, readdir, rm, stat } = await import('node:fs/promises')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const dir = await mkdtemp(join(tmpdir(), 'rvc-bench-audit-'))
    try {
      const child = await startChild(['--gateway', cloud.url, '--audit-record', dir])
      const rest = await child.ask<Memory>({ type: 'memory', gc: true }, 'memory')
      let mid: Memory | undefined
      const phase = await run(
        'gateway + audit + recording',
        DURATION_S,
        via(child.url),
        async () => {
          mid = await child.ask<Memory>({ type: 'memory' }, 'memory')
        },
      )
      await new Promise((resolve) => setTimeout(resolve, 300))
      await child.exit()
      const files = await readdir(dir)
      const sizes = await Promise.all(files.map((name) => stat(join(dir, name))))
      const perRelay = (key: keyof NodeJS.MemoryUsage) =>
        mid ? (mid.memory[key] - rest.memory[key]) / SESSIONS / 1024 : NaN
      return {
        phase,
        memoryPerRelayKiB: {
          rss: perRelay('rss'),
          heapUsed: perRelay('heapUsed'),
          external: perRelay('external'),
        },
        recordings: files.filter((name) => name.endsWith('.rvcrec')).length,
        unfinishedRecordings: files.filter((name) => name.endsWith('.part')).length,
        bytesWritten: sizes.reduce((sum, file) => sum + file.size, 0),
      }
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }
  const audited = AUDIT_RECORD ? await runAuditRecord() : undefined

  /** The same load through two replicas on one redis-server, behind the round-robin balancer. */
  async function runReplicas() {
    const { startRedisServer } = await import('../test/support/startRedisServer.ts')
    const redis = await startRedisServer()
    try {
      // One replica per client package: both must work, and on one store.
      const children = await Promise.all([
        startChild(['--gateway', cloud.url, '--redis', redis.url, 'node-redis']),
        startChild(['--gateway', cloud.url, '--redis', redis.url, 'ioredis']),
      ])
      const balancer = await startChild(['--balancer', children.map((c) => c.port).join(',')])
      const stats = () =>
        Promise.all(children.map((c) => c.ask<Memory>({ type: 'memory' }, 'memory')))
      // At rest, after a full GC: the baseline for memory per relay.
      const first = await Promise.all(
        children.map((c) => c.ask<Memory>({ type: 'memory', gc: true }, 'memory')),
      )
      // Reading INFO is a command itself: what one reading adds is measured and taken off.
      const commands0 = await redis.stat('total_commands_processed')
      const infoCost = (await redis.stat('total_commands_processed')) - commands0
      let held: number[] = []
      let midRun: Memory[] = []
      const phase = await run('replicas', DURATION_S, via(balancer.url), async () => {
        midRun = await stats()
        held = midRun.map((s) => s.stats.activeRelays ?? 0)
      })
      await new Promise((resolve) => setTimeout(resolve, 300))
      const last = await stats()
      const commands = (await redis.stat('total_commands_processed')) - commands0 - 2 * infoCost
      await Promise.all([balancer, ...children].map((c) => c.exit()))
      const roundTrips = last.reduce(
        (sum, s, i) => sum + s.roundTrips - (first[i]?.roundTrips ?? 0),
        0,
      )
      // RSS per relay on each replica at mid-run, over its own relays.
      const rssPerRelayKiB = midRun.map(
        (s, i) => (s.memory.rss - (first[i]?.memory.rss ?? 0)) / Math.max(1, held[i] ?? 0) / 1024,
      )
      return {
        phase,
        relaysHeldPerReplica: held,
        rssPerRelayKiB,
        roundTripsPerConsole: roundTrips / SESSIONS,
        storeCallsPerConsole: perConsole(last, first),
        redisCommandsPerConsole: commands / SESSIONS,
      }
    } finally {
      await redis.stop()
    }
  }
  /** Store calls by method per console, over one or more replicas' stats, `to` minus `from`. */
  const perConsole = (to: Memory[], from: Memory[]) => {
    const calls: Record<string, number> = {}
    to.forEach((s, i) => {
      for (const [name, n] of Object.entries(s.storeCalls))
        calls[name] = (calls[name] ?? 0) + (n - (from[i]?.storeCalls[name] ?? 0)) / SESSIONS
    })
    return calls
  }
  let replicated: Awaited<ReturnType<typeof runReplicas>> | undefined
  let replicasSkipped: string | undefined
  if (REPLICAS) {
    try {
      replicated = await runReplicas()
    } catch (error) {
      replicasSkipped = String(error)
      console.warn(`replicas phase skipped: ${replicasSkipped}`)
    }
  }

  const pct = (values: number[], p: number) => {
    const sorted = Float64Array.from(values).sort()
    return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN
  }
  const summary = (r: Awaited<ReturnType<typeof run>>) => ({
    phase: r.name,
    sessions: r.sessions,
    seconds: r.seconds,
    messages: r.messages,
    throughputMBps: r.bytesReceivedDown / r.seconds / 1e6,
    messagesPerSecond: r.messages / r.seconds,
    latencyP50ms: pct(r.latencies, 50),
    latencyP99ms: pct(r.latencies, 99),
    latencyMaxms: pct(r.latencies, 100),
    bytesLostDown: r.bytesSentDown - r.bytesReceivedDown,
    bytesLostUp: r.bytesSentUp - r.bytesReceivedUp,
    corruptOrOutOfOrder: r.corrupt,
  })
  const direct = summary(baseline)
  const through = summary(gateway)
  const replicas = replicated && summary(replicated.phase)
  const withAudit = audited && summary(audited.phase)
  const perRelay = (key: keyof NodeJS.MemoryUsage) =>
    busy ? (busy.memory[key] - idleMemory[key]) / SESSIONS / 1024 : NaN
  const result = {
    date: new Date().toISOString(),
    node: process.version,
    config: { SESSIONS, DURATION_S, BASELINE_S, FPS, FRAME, INPUT_HZ, HWM: HWM ?? 'default' },
    direct,
    gateway: through,
    addedLatencyP50ms: through.latencyP50ms - direct.latencyP50ms,
    addedLatencyP99ms: through.latencyP99ms - direct.latencyP99ms,
    memoryPerRelayKiB: {
      rss: perRelay('rss'),
      heapUsed: perRelay('heapUsed'),
      external: perRelay('external'),
    },
    // Share of one core the gateway process used during the gateway phase (includes settling).
    gatewayCpuPercent:
      ((after.cpu.user + after.cpu.system - before.cpu.user - before.cpu.system) /
        1000 /
        (after.at - before.at)) *
      100,
    gatewayStatsAfter: after.stats,
    gatewayStoreCallsPerConsole: perConsole([after], [before]),
    replicas: replicated
      ? {
          ...replicas,
          relaysHeldPerReplica: replicated.relaysHeldPerReplica,
          rssPerRelayKiB: replicated.rssPerRelayKiB,
          // Counted at the adapter: every command the store sent through the client.
          redisRoundTripsPerConsole: replicated.roundTripsPerConsole,
          storeCallsPerConsole: replicated.storeCallsPerConsole,
          // Redis's own count (INFO total_commands_processed), commands run inside scripts included.
          redisCommandsPerConsole: replicated.redisCommandsPerConsole,
        }
      : { skipped: replicasSkipped ?? 'BENCH_REPLICAS=0' },
    auditRecord: audited
      ? {
          ...withAudit,
          memoryPerRelayKiB: audited.memoryPerRelayKiB,
          recordings: audited.recordings,
          unfinishedRecordings: audited.unfinishedRecordings,
          bytesWritten: audited.bytesWritten,
          throughputVsGateway: (withAudit?.throughputMBps ?? NaN) / through.throughputMBps,
        }
      : { skipped: 'BENCH_AUDIT_RECORD=0' },
    bytesLost:
      through.bytesLostDown +
      through.bytesLostUp +
      (withAudit ? withAudit.bytesLostDown + withAudit.bytesLostUp : 0) +
      (replicas ? replicas.bytesLostDown + replicas.bytesLostUp : 0),
  }

  type Summary = ReturnType<typeof summary>
  const phases = [
    direct,
    through,
    ...(withAudit ? [withAudit] : []),
    ...(replicas ? [replicas] : []),
  ]
  const row = (metric: string, cell: (phase: Summary) => string) => [metric, ...phases.map(cell)]
  const rows: string[][] = [
    [
      'metric',
      'direct',
      'gateway',
      ...(withAudit ? ['+ audit + recording'] : []),
      ...(replicas ? ['2 replicas + redis'] : []),
    ],
    row('throughput (MB/s, to browsers)', (p) => p.throughputMBps.toFixed(1)),
    row('messages/s', (p) => p.messagesPerSecond.toFixed(0)),
    row('latency p50 (ms)', (p) => p.latencyP50ms.toFixed(2)),
    row('latency p99 (ms)', (p) => p.latencyP99ms.toFixed(2)),
    row('latency max (ms)', (p) => p.latencyMaxms.toFixed(2)),
    row('bytes lost (down + up)', (p) => String(p.bytesLostDown + p.bytesLostUp)),
    row('corrupt / out of order', (p) => String(p.corruptOrOutOfOrder)),
  ]
  const width = [0, 1, 2, 3, 4].map((c) => Math.max(...rows.map((r) => r[c]?.length ?? 0)))
  for (const row of rows) console.log(row.map((cell, c) => cell.padEnd(width[c] ?? 0)).join('  '))
  console.log(
    `added latency: p50 ${result.addedLatencyP50ms.toFixed(2)} ms, p99 ${result.addedLatencyP99ms.toFixed(2)} ms`,
  )
  console.log(
    `gateway memory per relay: rss ${result.memoryPerRelayKiB.rss.toFixed(1)} KiB, heap ${result.memoryPerRelayKiB.heapUsed.toFixed(1)} KiB, external ${result.memoryPerRelayKiB.external.toFixed(1)} KiB`,
  )
  console.log(
    `gateway CPU: ${result.gatewayCpuPercent.toFixed(0)} % of one core; after: ${JSON.stringify(after.stats)}`,
  )
  if (audited) {
    const m = audited.memoryPerRelayKiB
    console.log(
      `audit + recording: throughput ${(((withAudit?.throughputMBps ?? NaN) / through.throughputMBps) * 100).toFixed(1)} % of the plain gateway's; memory per relay: rss ${m.rss.toFixed(1)} KiB, heap ${m.heapUsed.toFixed(1)} KiB, external ${m.external.toFixed(1)} KiB; ${audited.recordings} recordings (${audited.unfinishedRecordings} unfinished), ${(audited.bytesWritten / 1e6).toFixed(1)} MB written`,
    )
  }
  const calls = (perConsoleCalls: Record<string, number>) =>
    Object.entries(perConsoleCalls)
      .map(([name, n]) => `${name} ${n.toFixed(2)}`)
      .join(', ')
  console.log(
    `store calls per console, 1 replica in memory: ${calls(result.gatewayStoreCallsPerConsole)}`,
  )
  if (replicated) {
    console.log(
      `relays held per replica at mid-run: ${replicated.relaysHeldPerReplica.join(' / ')} (1 replica: ${busy?.stats.activeRelays ?? '?'}); rss per relay: ${replicated.rssPerRelayKiB.map((kib) => `${kib.toFixed(1)} KiB`).join(' / ')}`,
    )
    console.log(
      `store calls per console, 2 replicas on redis: ${calls(replicated.storeCallsPerConsole)}`,
    )
    console.log(
      `redis round trips per console: ${replicated.roundTripsPerConsole.toFixed(2)} (counted at the client adapter); redis INFO total_commands_processed per console: ${replicated.redisCommandsPerConsole.toFixed(2)} (commands inside scripts included)`,
    )
  }
  const dir = fileURLToPath(new URL('../bench-results/', import.meta.url))
  mkdirSync(dir, { recursive: true })
  const file = `${dir}gateway-load-${result.date.replace(/[:.]/g, '-')}.json`
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`)
  console.log(`wrote ${file}`)

  await cloud.close()
  for (const client of proxy.clients) client.terminate()
  proxy.close()
  if (
    result.bytesLost !== 0 ||
    through.corruptOrOutOfOrder !== 0 ||
    (withAudit?.corruptOrOutOfOrder ?? 0) !== 0 ||
    (replicas?.corruptOrOutOfOrder ?? 0) !== 0
  )
    process.exitCode = 1
}
