import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { WebSocketServer } from 'ws'
import { createFaults } from './createFaults.ts'
import { createPowerControl } from './createPowerControl.ts'
import { createTokenStore } from './createTokenStore.ts'
import { defaultInventory } from './defaultInventory.ts'
import { handleCloudTowerApi } from './handleCloudTowerApi.ts'
import { handleCloudTowerRest } from './handleCloudTowerRest.ts'
import { handleEcsApi } from './handleEcsApi.ts'
import { isVmRunning } from './isVmRunning.ts'
import { originMatchesHost } from './originMatchesHost.ts'
import { parseFaultPatch } from './parseFaultPatch.ts'
import { parseHostPort } from './parseHostPort.ts'
import { parsePowerPatch } from './parsePowerPatch.ts'
import { qmpSystemReset } from './qmpSystemReset.ts'
import { readBody } from './readBody.ts'
import { relayWebSocket } from './relayWebSocket.ts'
import { resolveConsoleUpgrade } from './resolveConsoleUpgrade.ts'
import { startBuiltInVnc } from './startBuiltInVnc.ts'
import type { BuiltInVnc } from './startBuiltInVnc.ts'
import type {
  ConsoleCredential,
  FakeCloudHandle,
  FakeCloudOptions,
  FakeCloudStats,
} from './types.ts'
import { vncAutoPage } from './vncAutoPage.ts'

const JSON_TYPE = 'application/json;charset=UTF-8'

/**
 * Starts the fake CloudTower + Huawei ECS on one loopback port: their console APIs, the console
 * websockets (relayed to TCP VNC servers), the fault switches under `/__fake/`, and counters.
 * Unless a VNC target is given, every VM gets its own built-in RFB server (`vncServers`).
 */
export async function startFakeCloud(options: FakeCloudOptions = {}): Promise<FakeCloudHandle> {
  const host = options.host ?? '127.0.0.1'
  const inventory = options.inventory ?? defaultInventory()
  const builtIn = options.builtInVnc ?? (options.vncTarget === undefined && !process.env.DEMO_VNC)
  if (builtIn && typeof options.vncTarget === 'string') {
    throw new Error('startFakeCloud: builtInVnc and vncTarget exclude each other')
  }
  const vncTarget = builtIn
    ? null
    : options.vncTarget === undefined
      ? process.env.DEMO_VNC || null
      : options.vncTarget
  if (vncTarget) parseHostPort(vncTarget) // a typo should fail at start, not at first console
  const clusterIp = options.clusterIp ?? '127.0.0.1'
  const tokenTtlMs = options.tokenTtlMs ?? 10 * 60_000
  const cors = options.cors ?? true
  const powerDelayMs = options.powerDelayMs ?? 1500
  if (!Number.isFinite(powerDelayMs) || powerDelayMs < 0) {
    throw new Error('startFakeCloud: powerDelayMs must be a number of milliseconds, 0 or more')
  }

  const stats: FakeCloudStats = {
    requests: 0,
    issuedTokens: 0,
    redeemedTokens: 0,
    activeRelays: 0,
    totalRelays: 0,
    rejectedUpgrades: 0,
    bytesToVnc: 0,
    bytesFromVnc: 0,
  }
  const tokens = createTokenStore()
  const sessions = new Map<string, string>()
  // Each live relay → the VM or ECS server it shows, so a power change ends only that VM's consoles.
  const relays = new Map<{ drop(): void }, string>()
  const ecsJobs = new Map<string, string[]>()
  const sockets = new Set<Duplex>()
  const timers = new Set<NodeJS.Timeout>()
  let closing = false
  let publicUrl = ''
  let lastRelayEnded: (() => void) | undefined

  const faults = createFaults(options.faults, () => {
    const count = relays.size
    for (const relay of relays.keys()) relay.drop()
    return count
  })
  // The VM's QEMU goes away or resets: its consoles end (relays, and direct RFB sessions).
  const dropConsolesOf = (id: string) => {
    for (const [relay, owner] of relays) if (owner === id) relay.drop()
    for (const session of builtInVnc?.servers.get(id)?.sessions ?? []) session.close()
  }
  const boot = (id: string) => builtInVnc?.servers.get(id)?.scene?.boot(powerDelayMs)
  const qmpFor = (id: string) => (typeof options.qmp === 'string' ? options.qmp : options.qmp?.[id])
  const power = createPowerControl({
    inventory,
    delayMs: powerDelayMs,
    effects: {
      stopped: dropConsolesOf,
      started: boot,
      restarting(id, hard) {
        dropConsolesOf(id)
        boot(id)
        const qmp = qmpFor(id)
        // Best effort: the fake's task succeeds whatever QEMU says (the e2e test checks QEMU).
        if (hard && qmp) qmpSystemReset(qmp).catch(() => {})
      },
    },
  })
  const isRunning = (id: string) => {
    const { cloudTower, ecs } = inventory
    const status =
      cloudTower.vms.find((vm) => vm.id === id)?.status ??
      ecs.servers.find((server) => server.serverId === id)?.status
    return status === undefined || isVmRunning(status)
  }
  const vncPasswordFor = (id: string) => {
    const { cloudTower, ecs } = inventory
    const own =
      cloudTower.vms.find((vm) => vm.id === id)?.vncPassword ??
      ecs.servers.find((server) => server.serverId === id)?.vncPassword
    return faults.get().vncPassword ?? own
  }
  const issue = (keys: string[], credential: Omit<ConsoleCredential, 'redeemed'>) => {
    stats.issuedTokens++
    return tokens.issue(keys, credential)
  }
  // Timers are tracked so close() can cancel a latency fault mid-request.
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      if (ms <= 0) return resolve()
      const timer = setTimeout(() => {
        timers.delete(timer)
        resolve()
      }, ms)
      timers.add(timer)
    })

  // noVNC offers `binary` or nothing; answering anything else would make the browser fail the socket.
  const wss = new WebSocketServer({
    noServer: true,
    perMessageDeflate: false,
    handleProtocols: (protocols) => (protocols.has('binary') ? 'binary' : false),
  })

  const send = (response: ServerResponse, status: number, body: unknown, type = JSON_TYPE) => {
    if (response.destroyed) return
    response.writeHead(status, { 'content-type': type })
    response.end(typeof body === 'string' ? body : JSON.stringify(body))
  }

  async function onRequest(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', publicUrl)
    if (cors) {
      response.setHeader('access-control-allow-origin', '*')
      response.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS')
      response.setHeader(
        'access-control-allow-headers',
        'authorization, content-type, content-language, x-auth-token',
      )
    }
    if (request.method === 'OPTIONS') return send(response, 204, '')
    if (url.pathname.startsWith('/__fake/')) return onFakeRequest(request, response, url)
    if (url.pathname === '/vnc_auto.html' && request.method === 'GET') {
      const page = new URL(url.pathname + url.search, `http://${request.headers.host ?? host}`)
      return send(response, 200, vncAutoPage(page), 'text/html;charset=UTF-8')
    }

    stats.requests++
    let rawBody: string
    try {
      rawBody = await readBody(request)
    } catch {
      return send(response, 413, {
        error_code: 'APIGW.0201',
        error_msg: 'Request entity too large',
      })
    }
    await wait(faults.get().latencyMs)
    if (closing) return
    const isCloudApi =
      url.pathname === '/api' ||
      url.pathname.startsWith('/v2/api/') ||
      url.pathname.startsWith('/v1/')
    const fault = isCloudApi ? (faults.takeFailure() ?? (faults.get().throttle ? 429 : null)) : null
    const header = (name: string) => {
      const value = request.headers[name]
      return Array.isArray(value) ? value[0] : value
    }
    const reply = url.pathname.startsWith('/v2/api/')
      ? handleCloudTowerRest(
          {
            method: request.method ?? 'GET',
            pathname: url.pathname,
            rawBody,
            authorization: header('authorization'),
            language: header('content-language'),
            fault,
          },
          { inventory, sessions, power },
        )
      : url.pathname === '/api'
        ? handleCloudTowerApi(
            {
              rawBody,
              authorization: header('authorization'),
              language: header('content-language'),
              fault,
            },
            { inventory, sessions, issue, clusterIp, vncTarget, tokenTtlMs, now: Date.now },
          )
        : handleEcsApi(
            {
              method: request.method ?? 'GET',
              pathname: url.pathname,
              authToken: header('x-auth-token'),
              rawBody,
              fault,
            },
            {
              inventory,
              issue,
              publicUrl,
              vncTarget,
              tokenTtlMs,
              now: Date.now,
              power,
              jobs: ecsJobs,
            },
          )
    send(response, reply.status, reply.body)
  }

  async function onFakeRequest(request: IncomingMessage, response: ServerResponse, url: URL) {
    const route = `${request.method} ${url.pathname}`
    if (route === 'GET /__fake/health')
      return send(response, 200, { ok: true, url: publicUrl, stats })
    if (route === 'GET /__fake/faults') return send(response, 200, faults.get())
    if (route === 'GET /__fake/inventory') {
      return send(response, 200, { clusterIp, vncTarget, builtInVnc: builtIn, ...inventory })
    }
    if (route === 'GET /__fake/vnc') return send(response, 200, { servers: describeVncServers() })
    if (route === 'POST /__fake/power') {
      let body: unknown
      try {
        body = JSON.parse((await readBody(request)) || '{}')
      } catch {
        return send(response, 400, { error: 'Expected a JSON object' })
      }
      const parsed = parsePowerPatch(body)
      if ('error' in parsed) return send(response, 400, { error: parsed.error })
      if (!power.force(parsed.id, parsed.state)) {
        return send(response, 404, { error: `No VM or ECS server ${parsed.id}` })
      }
      return send(response, 200, { id: parsed.id, state: parsed.state })
    }
    if (route === 'POST /__fake/faults') {
      let body: unknown
      try {
        body = JSON.parse((await readBody(request)) || '{}')
      } catch {
        return send(response, 400, { error: 'Expected a JSON object' })
      }
      const parsed = parseFaultPatch(body)
      if ('error' in parsed) return send(response, 400, { error: parsed.error })
      if (parsed.reset) faults.reset()
      faults.set(parsed.patch)
      const dropped = parsed.dropConnections ? faults.dropConnections() : 0
      return send(response, 200, { ...faults.get(), dropped })
    }
    send(response, 404, { error: `No fake endpoint ${route}` })
  }

  async function onUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer) {
    socket.on('error', () => {})
    await wait(faults.get().latencyMs)
    if (closing || socket.destroyed) return
    const url = new URL(request.url ?? '/', publicUrl)
    const decision =
      options.checkConsoleOrigin && !originMatchesHost(request.headers.origin, request.headers.host)
        ? ({ ok: false, status: 403, reason: 'origin does not match the host' } as const)
        : resolveConsoleUpgrade(url, tokens, faults.get().rejectTokens)
    // A token issued before the VM stopped: its VNC server is gone (tokens are not spent).
    const verdict =
      decision.ok && !isRunning(decision.credential.resourceId)
        ? ({ ok: false, status: 403, reason: 'the VM is not running' } as const)
        : decision
    if (!verdict.ok) {
      // What a real proxy does with a bad console token: an HTTP error instead of 101.
      stats.rejectedUpgrades++
      const text = `${verdict.reason}\n`
      const reason = verdict.status === 403 ? 'Forbidden' : 'Not Found'
      socket.end(
        `HTTP/1.1 ${verdict.status} ${reason}\r\nConnection: close\r\n` +
          `Content-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`,
      )
      return
    }
    const { credential } = verdict
    tokens.redeem(credential)
    stats.redeemedTokens++
    wss.handleUpgrade(request, socket, head, (ws) => {
      stats.activeRelays++
      stats.totalRelays++
      const relay = relayWebSocket(ws, credential.vnc, {
        toVnc: (bytes) => (stats.bytesToVnc += bytes),
        toVncData: options.tapConsole?.(),
        fromVnc: (bytes) => (stats.bytesFromVnc += bytes),
        onEnd: () => {
          relays.delete(relay)
          stats.activeRelays--
          if (relays.size === 0) lastRelayEnded?.()
        },
      })
      relays.set(relay, credential.resourceId)
    })
  }

  // What the chaos panel shows of the built-in screens (tests read the servers themselves).
  const describeVncServers = () =>
    [...(builtInVnc?.servers ?? [])].map(([id, rfb]) => ({
      id,
      desktopName: rfb.desktopName,
      width: rfb.framebuffer.width,
      height: rfb.framebuffer.height,
      sessions: rfb.sessions.length,
      passwordRequired: rfb.settings.password !== undefined,
      powerActions: rfb.powerActions,
    }))

  // Before listening, so the first console already finds its screen.
  const builtInVnc: BuiltInVnc | undefined = builtIn
    ? await startBuiltInVnc(inventory, { passwordFor: vncPasswordFor })
    : undefined
  faults.onChange(() => builtInVnc?.refreshPasswords())

  const server = createServer((request, response) => {
    onRequest(request, response).catch(() => send(response, 500, { error: 'fake cloud failure' }))
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    onUpgrade(request, socket, head).catch(() => socket.destroy())
  })

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(options.port ?? 0, host, () => {
        server.off('error', reject)
        resolve()
      })
    })
  } catch (error) {
    await builtInVnc?.close()
    throw error
  }
  const { port } = server.address() as AddressInfo
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`
  publicUrl = options.publicUrl?.replace(/\/+$/, '') ?? url

  let closed: Promise<void> | undefined
  return {
    url,
    host,
    port,
    server,
    faults,
    inventory,
    stats,
    vncServers: builtInVnc?.servers ?? new Map(),
    vncPasswordFor,
    power,
    revokeSessions() {
      const count = sessions.size
      sessions.clear()
      return count
    },
    close() {
      closing = true
      closed ??= (async () => {
        for (const timer of timers) clearTimeout(timer)
        timers.clear()
        power.close()
        // Stats settle before close() resolves: wait for every relay's own end callback.
        const relaysEnded = new Promise<void>((resolve) => {
          lastRelayEnded = resolve
          if (relays.size === 0) resolve()
        })
        for (const relay of relays.keys()) relay.drop()
        for (const ws of wss.clients) ws.terminate()
        for (const socket of sockets) socket.destroy()
        wss.close()
        await Promise.all([
          relaysEnded,
          new Promise((resolve) => server.close(resolve)),
          builtInVnc?.close(),
        ])
      })()
      return closed
    },
  }
}
