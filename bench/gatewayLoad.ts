// Load benchmark for react-vm-console/server (not a test): N concurrent consoles streaming
// framebuffer-like data through the gateway on loopback, against a baseline straight to the
// console proxy. Reports throughput, added p99 latency per message, memory per relay and bytes
// lost (must be 0); prints a table and writes JSON to bench-results/.
//
//   node_modules/.bin/node bench/gatewayLoad.ts            # 200 sessions, 30 s
//   BENCH_DURATION_S=5 BENCH_SESSIONS=50 node_modules/.bin/node bench/gatewayLoad.ts
//
// Env: BENCH_SESSIONS (200), BENCH_DURATION_S (30), BENCH_BASELINE_S (min(10, duration)),
// BENCH_FPS (15), BENCH_FRAME_BYTES (16384), BENCH_INPUT_HZ (20), BENCH_HWM (gateway default).
// The gateway runs in a child process so its memory is its own; the console proxy, the fake
// ECS API and the clients share this process (and its clock).
import { fork, type ChildProcess } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { registerHooks } from 'node:module'
import type { AddressInfo } from 'node:net'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { WebSocket, WebSocketServer } from 'ws'

// src/ imports siblings as `./x.js`; Node's type stripping runs the `.ts` beside them.
registerHooks({
  resolve(specifier, context, next) {
    try {
      return next(specifier, context)
    } catch (error) {
      if (specifier.startsWith('.') && specifier.endsWith('.js')) {
        return next(`${specifier.slice(0, -3)}.ts`, context)
      }
      throw error
    }
  },
})

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
const PROJECT = '13c67a214ced4afb88d911ae4bd5721a'
const SERVER = '47bc79ae-df61-4ade-9197-283a74e5d70e'

if (process.argv.includes('--gateway')) await runGateway()
else await main()

/** The child: a node:http server with the gateway, reporting its memory on request. */
async function runGateway() {
  const { createServer } = await import('node:http')
  const { createConsoleGateway } = await import('../src/server/createConsoleGateway.ts')
  const ecsEndpoint = process.argv[process.argv.indexOf('--gateway') + 1] ?? ''
  const gateway = createConsoleGateway({
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
      })
    }
    if (message.type === 'exit') void gateway.close().then(() => process.exit(0))
  })
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
    ws.on('message', (data: Buffer) => current && (current.bytesReceivedUp += data.length))
    const timer = setInterval(() => {
      // A VNC server skips updates while its client is behind; it stops when the phase ends.
      if (
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

  const child: ChildProcess = fork(fileURLToPath(import.meta.url), ['--gateway', cloud.url], {
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
  const gatewayUrl = `http://127.0.0.1:${port}`
  type Memory = {
    memory: NodeJS.MemoryUsage
    cpu: NodeJS.CpuUsage
    at: number
    stats: Record<string, number>
  }
  const idle = await ask<Memory>({ type: 'memory', gc: true }, 'memory')
  const idleMemory = idle.memory

  const directUrl = async () => {
    const response = await fetch(
      `${cloud.url}/v1/${PROJECT}/cloudservers/${SERVER}/remote_console`,
      {
        method: 'POST',
        headers: { 'x-auth-token': 'fake-ecs-token', 'content-type': 'application/json' },
        body: JSON.stringify({ remote_console: { protocol: 'vnc', type: 'novnc' } }),
      },
    )
    const { remote_console } = (await response.json()) as { remote_console: { url: string } }
    return `${proxyUrl.replace('http', 'ws')}/websockify?token=${new URL(remote_console.url).searchParams.get('token')}`
  }
  const viaGateway = async (i: number) => {
    const response = await fetch(`${gatewayUrl}/consoles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-user': `user-${i}`, origin: gatewayUrl },
      body: JSON.stringify({ provider: 'ecs', serverId: SERVER }),
    })
    if (!response.ok)
      throw new Error(`gateway answered ${response.status}: ${await response.text()}`)
    const { url } = (await response.json()) as { url: string }
    return `${gatewayUrl.replace('http', 'ws')}${url}`
  }

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
        const ws = new WebSocket(await urlFor(i), ['binary'], {
          perMessageDeflate: false,
          origin: gatewayUrl,
        })
        let expected = 0
        ws.on('message', (data: Buffer) => {
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
        const input = Buffer.alloc(10, 7) // a pointer event's size
        const timer = setInterval(() => {
          current.bytesSentUp += input.length
          ws.send(input)
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
    bytesLost: through.bytesLostDown + through.bytesLostUp,
  }

  const rows: [string, string, string][] = [
    ['metric', 'direct', 'gateway'],
    [
      'throughput (MB/s, to browsers)',
      direct.throughputMBps.toFixed(1),
      through.throughputMBps.toFixed(1),
    ],
    ['messages/s', direct.messagesPerSecond.toFixed(0), through.messagesPerSecond.toFixed(0)],
    ['latency p50 (ms)', direct.latencyP50ms.toFixed(2), through.latencyP50ms.toFixed(2)],
    ['latency p99 (ms)', direct.latencyP99ms.toFixed(2), through.latencyP99ms.toFixed(2)],
    ['latency max (ms)', direct.latencyMaxms.toFixed(2), through.latencyMaxms.toFixed(2)],
    [
      'bytes lost (down + up)',
      String(direct.bytesLostDown + direct.bytesLostUp),
      String(result.bytesLost),
    ],
    [
      'corrupt / out of order',
      String(direct.corruptOrOutOfOrder),
      String(through.corruptOrOutOfOrder),
    ],
  ]
  const width = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c]?.length ?? 0)))
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
  const dir = fileURLToPath(new URL('../bench-results/', import.meta.url))
  mkdirSync(dir, { recursive: true })
  const file = `${dir}gateway-load-${result.date.replace(/[:.]/g, '-')}.json`
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`)
  console.log(`wrote ${file}`)

  child.send({ type: 'exit' })
  await new Promise((resolve) => child.once('exit', resolve))
  await cloud.close()
  for (const client of proxy.clients) client.terminate()
  proxy.close()
  if (result.bytesLost !== 0 || through.corruptOrOutOfOrder !== 0) process.exitCode = 1
}
