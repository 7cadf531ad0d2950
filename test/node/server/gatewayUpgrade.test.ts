// The gateway's websocket upgrade on its failure paths (slots, upstream links and tickets must
// all be given back), its CORS preflight, the fetch handler's limits, and bodies that a framework
// (Fastify, Express) has already read.
import { once } from 'node:events'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import { connect, createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type * as WsModule from 'ws'
import { startFakeCloud } from '../../../fake-cloud/startFakeCloud.ts'
import type { FakeCloudHandle } from '../../../fake-cloud/types.ts'
import { createConsoleGateway } from '../../../src/server/createConsoleGateway.js'
import type { GatewayLimits } from '../../../src/server/types.js'
import { startGatewayServer } from './startGatewayServer.js'

// `new WebSocket(…)` throwing synchronously (ws does for arguments it refuses), on demand.
const wsThrows = vi.hoisted(() => ({ next: false }))
vi.mock('ws', async (importOriginal) => {
  const ws = await importOriginal<typeof WsModule>()
  class WebSocket extends ws.WebSocket {
    constructor(...args: ConstructorParameters<typeof ws.WebSocket>) {
      if (wsThrows.next && String(args[0]).includes('/websockify')) {
        wsThrows.next = false
        throw new SyntaxError('refused by the test')
      }
      super(...args)
    }
  }
  return { ...ws, default: WebSocket, WebSocket }
})

const PROJECT = '13c67a214ced4afb88d911ae4bd5721a'
const SERVER = '47bc79ae-df61-4ade-9197-283a74e5d70e'
const RFB_VERSION = 'RFB 003.008\n'
const KEY = 'dGhlIHNhbXBsZSBub25jZQ=='
const ECS = { provider: 'ecs', serverId: SERVER }
const logs: string[] = []
const logger = {
  error: (m: string) => logs.push(m),
  warn: (m: string) => logs.push(m),
  info: (m: string) => logs.push(m),
}

let cloud: FakeCloudHandle
let portal: Awaited<ReturnType<typeof startGatewayServer>>

beforeAll(async () => {
  cloud = await startFakeCloud({ builtInVnc: true })
  portal = await startGatewayServer({
    authorize: (request) => ({ user: request.headers['x-user'] ?? 'mallory' }),
    logger,
    limits: { maxRelaysPerUser: 1 },
    providers: { ecs: { endpoint: cloud.url, projectId: PROJECT, authToken: 'fake-ecs-token' } },
  })
})
afterAll(async () => {
  await portal.close()
  await cloud.close()
})

const portOf = (server: Server) => (server.address() as AddressInfo).port

/** A websocket handshake written by hand; resolves with everything received once the socket closes. */
function rawUpgrade(
  port: number,
  path: string,
  headers: Record<string, string>,
  { halfClose = false }: { halfClose?: boolean } = {},
) {
  const socket = connect(port, '127.0.0.1')
  const lines = Object.entries({
    Host: `127.0.0.1:${port}`,
    Upgrade: 'websocket',
    Connection: 'Upgrade',
    ...headers,
  }).map(([name, value]) => `${name}: ${value}\r\n`)
  socket.write(`GET ${path} HTTP/1.1\r\n${lines.join('')}\r\n`)
  if (halfClose) socket.end()
  let text = ''
  socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')))
  socket.on('error', () => {})
  const timer = setTimeout(() => socket.destroy(), 5_000)
  const response = once(socket, 'close').then(() => {
    clearTimeout(timer)
    return { status: Number(/^HTTP\/1\.1 (\d+)/.exec(text)?.[1] ?? 0), text }
  })
  return { socket, response }
}

async function ticket(user = 'mallory') {
  const answer = await fetch(`${portal.url}/consoles`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: portal.url, 'x-user': user },
    body: JSON.stringify(ECS),
  })
  expect(answer.status).toBe(200)
  return ((await answer.json()) as { url: string }).url
}

async function expectRfb(path: string) {
  const client = await portal.open(path)
  expect((await client.waitFor(12)).toString()).toBe(RFB_VERSION)
  client.ws.close()
  await client.closed
  await expect.poll(() => portal.gateway.stats.activeRelays).toBe(0)
}

describe('malformed websocket handshakes', () => {
  it('leaves a request target URL cannot parse to the server, and stays up', async () => {
    // Node's HTTP parser accepts `GET http://[`; new URL() throws on it. The gateway must not.
    const { response } = rawUpgrade(portOf(portal.server), 'http://[', {
      'Sec-WebSocket-Key': KEY,
      'Sec-WebSocket-Version': '13',
    })
    expect((await response).status).toBe(0) // the server's own listener destroyed the socket
    await expectRfb(await ticket())
  })

  const cases: [string, Record<string, string>][] = [
    [
      'a duplicated subprotocol',
      {
        'Sec-WebSocket-Key': KEY,
        'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Protocol': 'binary, binary',
      },
    ],
    [
      'a subprotocol that is not a token',
      {
        'Sec-WebSocket-Key': KEY,
        'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Protocol': 'bin ary',
      },
    ],
    [
      'an empty subprotocol list item',
      {
        'Sec-WebSocket-Key': KEY,
        'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Protocol': 'binary,',
      },
    ],
    [
      'an invalid Sec-WebSocket-Key',
      { 'Sec-WebSocket-Key': 'bogus', 'Sec-WebSocket-Version': '13' },
    ],
    ['no Sec-WebSocket-Key', { 'Sec-WebSocket-Version': '13' }],
    ['Sec-WebSocket-Version 12', { 'Sec-WebSocket-Key': KEY, 'Sec-WebSocket-Version': '12' }],
  ]

  it.each(cases)(
    'refuses %s with 400, opening nothing upstream and keeping the ticket',
    async (_name, headers) => {
      const url = await ticket()
      const before = { ...cloud.stats }
      const rejected = portal.gateway.stats.rejectedUpgrades
      const { response } = rawUpgrade(portOf(portal.server), url, {
        Origin: portal.url,
        ...headers,
      })
      const { status, text } = await response
      expect(status).toBe(400)
      expect(text).toContain('"kind":"invalid_input"')
      if (headers['Sec-WebSocket-Version'] === '12')
        expect(text).toMatch(/sec-websocket-version: 13/i)
      expect(portal.gateway.stats.rejectedUpgrades).toBe(rejected + 1)
      expect(portal.gateway.stats.activeRelays).toBe(0)
      // Nothing was opened at the cloud, and its one-time token is still unspent.
      expect(cloud.stats.totalRelays).toBe(before.totalRelays)
      expect(cloud.stats.activeRelays).toBe(0)
      expect(cloud.stats.redeemedTokens).toBe(before.redeemedTokens)
      // The ticket was not spent: the same browser, retrying properly, gets its console (and
      // with maxRelaysPerUser: 1 that also shows no slot was left taken).
      await expectRfb(url)
    },
  )

  it('does not lock a user out after many bad handshakes', async () => {
    for (let i = 0; i < 10; i++) {
      const url = await ticket()
      const { response } = rawUpgrade(portOf(portal.server), url, {
        Origin: portal.url,
        'Sec-WebSocket-Key': 'bogus',
        'Sec-WebSocket-Version': '13',
      })
      expect((await response).status).toBe(400)
      await expectRfb(url)
    }
    expect(portal.gateway.stats.activeRelays).toBe(0)
    expect(cloud.stats.activeRelays).toBe(0)
    await expectRfb(await ticket())
  })

  it('gives the slot back when the browser leaves before the relay exists', async () => {
    const totalRelays = portal.gateway.stats.totalRelays
    const url = await ticket()
    // A well-formed handshake whose socket is half-closed at once: by the time the console proxy
    // answers, the socket is no longer readable, and ws destroys it without ever calling back.
    const { response } = rawUpgrade(
      portOf(portal.server),
      url,
      { Origin: portal.url, 'Sec-WebSocket-Key': KEY, 'Sec-WebSocket-Version': '13' },
      { halfClose: true },
    )
    await response
    await expect.poll(() => portal.gateway.stats.activeRelays).toBe(0)
    await expect.poll(() => cloud.stats.activeRelays).toBe(0)
    expect(portal.gateway.stats.totalRelays - totalRelays).toBeLessThanOrEqual(1)
    await expectRfb(await ticket())
  })

  it('gives the slot back when the upstream websocket cannot even be constructed', async () => {
    const url = await ticket()
    wsThrows.next = true
    const client = portal.open(url)
    await expect(client).rejects.toMatchObject({
      status: 502,
      body: expect.stringContaining('could not open the console proxy link'),
    })
    expect(wsThrows.next).toBe(false)
    expect(portal.gateway.stats.activeRelays).toBe(0)
    expect(logs).toContain('Console proxy link could not be opened.')
    await expectRfb(await ticket())
  })
})

describe('upgrades waiting on a slow console proxy', () => {
  // An ECS API that answers at once, and a console proxy that accepts TCP and never answers.
  let api: Server
  let proxy: ReturnType<typeof createTcpServer>
  const held = new Set<Socket>()
  beforeAll(async () => {
    proxy = createTcpServer((socket) => {
      held.add(socket)
      // The gateway may reset its side (terminate): that is the point, not a failure.
      socket.on('error', () => {})
      socket.on('close', () => held.delete(socket))
      socket.resume()
    })
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
    const proxyPort = (proxy.address() as AddressInfo).port
    api = createServer((request, response) => {
      request.resume()
      request.on('end', () => {
        response.writeHead(200, { 'content-type': 'application/json' })
        response.end(
          JSON.stringify({
            remote_console: {
              type: 'novnc',
              protocol: 'vnc',
              url: `http://127.0.0.1:${proxyPort}/vnc_auto.html?token=slow-token`,
            },
          }),
        )
      })
    })
    await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve))
  })
  afterAll(async () => {
    for (const socket of held) socket.destroy()
    await new Promise((resolve) => proxy.close(resolve))
    await new Promise((resolve) => api.close(resolve))
  })

  const start = (limits?: GatewayLimits) =>
    startGatewayServer({
      authorize: () => ({ user: 'alice' }),
      logger,
      ...(limits && { limits }),
      providers: {
        ecs: {
          endpoint: `http://127.0.0.1:${portOf(api)}`,
          projectId: PROJECT,
          authToken: 'fake-ecs-token',
        },
      },
    })
  const upgrade = async (slow: Awaited<ReturnType<typeof start>>) => {
    const answer = await slow.ask(ECS)
    const raw = rawUpgrade(portOf(slow.server), (answer.body as { url: string }).url, {
      Origin: slow.url,
      'Sec-WebSocket-Key': KEY,
      'Sec-WebSocket-Version': '13',
      'Sec-WebSocket-Protocol': 'binary',
    })
    await expect.poll(() => held.size).toBe(1)
    expect(slow.gateway.stats.activeRelays).toBe(1)
    return raw
  }

  it('frees the slot of a browser that left, once the console proxy times out', async () => {
    // (A paused socket does not notice its peer leaving; the handshake timeout bounds the wait.)
    const slow = await start({ upstreamTimeoutMs: 300 })
    try {
      const raw = await upgrade(slow)
      raw.socket.destroy()
      await expect.poll(() => held.size).toBe(0)
      await expect.poll(() => slow.gateway.stats.activeRelays).toBe(0)
      expect(slow.gateway.stats.totalRelays).toBe(0)
    } finally {
      await slow.close()
    }
  })

  it('frees the slot and the upstream socket at once when the browser half-closes (FIN)', async () => {
    // Default upstreamTimeoutMs (15 s): the FIN alone must end the wait, not the timeout.
    const slow = await start()
    try {
      const raw = await upgrade(slow)
      raw.socket.end()
      await expect.poll(() => held.size, { timeout: 2_000 }).toBe(0)
      await expect.poll(() => slow.gateway.stats.activeRelays, { timeout: 2_000 }).toBe(0)
      expect(slow.gateway.stats.totalRelays).toBe(0)
    } finally {
      await slow.close()
    }
  })

  it('cuts off a client that streams bytes before its 101, instead of buffering them', async () => {
    const slow = await start()
    try {
      const raw = await upgrade(slow)
      // The reset the client sees (it is still writing) is the expected end, not a failure.
      const closed = raw.response.catch(() => {})
      // Browsers send nothing before the handshake answer; 1 MiB is someone filling our memory.
      for (let i = 0; i < 16 && !raw.socket.destroyed; i++)
        raw.socket.write(Buffer.alloc(64 * 1024))
      // Cut off by the gateway at once (the client's own timer would close it only after 5 s).
      await expect.poll(() => slow.gateway.stats.activeRelays, { timeout: 2_000 }).toBe(0)
      await expect.poll(() => held.size, { timeout: 2_000 }).toBe(0)
      await closed
    } finally {
      await slow.close()
    }
  })

  it('close() ends upgrades still waiting upstream', async () => {
    const slow = await start()
    const raw = await upgrade(slow)
    await slow.gateway.close()
    expect(slow.gateway.stats.activeRelays).toBe(0)
    await expect.poll(() => held.size).toBe(0)
    expect((await raw.response).status).not.toBe(101)
    await slow.close()
  })
})

describe('CORS preflight', () => {
  const preflight = (url: string, headers: Record<string, string>) =>
    fetch(`${url}/consoles`, { method: 'OPTIONS', headers })

  it('allows the request headers an allowed origin asks for, and nothing for others', async () => {
    const cors = await startGatewayServer({
      authorize: () => true,
      allowedOrigins: ['https://portal.example'],
      providers: { ecs: { endpoint: cloud.url, projectId: PROJECT, authToken: 'fake-ecs-token' } },
    })
    try {
      const allowed = await preflight(cors.url, {
        origin: 'https://portal.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,X-CSRF-Token',
      })
      expect(allowed.status).toBe(204)
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://portal.example')
      expect(allowed.headers.get('access-control-allow-headers')).toBe('content-type, x-csrf-token')
      expect(allowed.headers.get('vary')).toMatch(/Access-Control-Request-Headers/)

      // Not header names: only content-type.
      const odd = await preflight(cors.url, {
        origin: 'https://portal.example',
        'access-control-request-headers': 'x-a, (x-b)',
      })
      expect(odd.headers.get('access-control-allow-headers')).toBe('content-type')

      const foreign = await preflight(cors.url, {
        origin: 'https://evil.example',
        'access-control-request-headers': 'x-csrf-token',
      })
      expect(foreign.headers.get('access-control-allow-origin')).toBeNull()
      expect(foreign.headers.get('access-control-allow-headers')).toBeNull()

      // The fetch-style handler answers the same.
      const viaFetch = await cors.gateway.fetch(
        new Request('http://gateway.test/consoles', {
          method: 'OPTIONS',
          headers: {
            origin: 'https://portal.example',
            'access-control-request-headers': 'x-csrf-token',
          },
        }),
      )
      expect(viaFetch.headers.get('access-control-allow-headers')).toBe(
        'content-type, x-csrf-token',
      )

      // And the POST itself, with that header, goes through.
      const answer = await fetch(`${cors.url}/consoles`, {
        method: 'POST',
        headers: {
          origin: 'https://portal.example',
          'content-type': 'application/json',
          'x-csrf-token': 'abc',
        },
        body: JSON.stringify(ECS),
      })
      expect(answer.status).toBe(200)
      expect(answer.headers.get('access-control-allow-origin')).toBe('https://portal.example')
    } finally {
      await cors.close()
    }
  })
})

describe('fetch handler', () => {
  const post = (headers: Record<string, string> = {}) =>
    new Request('http://gateway.test/consoles', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(ECS),
    })

  it('has no client address: `true` puts every caller under one shared limit', async () => {
    const seen: (string | undefined)[] = []
    const gateway = createConsoleGateway({
      authorize: (request) => (seen.push(request.remoteAddress), true),
      limits: { maxRelaysPerUser: 1 },
      providers: { ecs: { endpoint: cloud.url, projectId: PROJECT, authToken: 'fake-ecs-token' } },
    })
    try {
      expect((await gateway.fetch(post())).status).toBe(200)
      // Someone else entirely, but counted as the same `address:unknown`.
      expect((await gateway.fetch(post({ 'x-user': 'bob' }))).status).toBe(429)
      expect(seen).toEqual([undefined, undefined])
    } finally {
      await gateway.close()
    }
  })

  it('counts `{ user }` per user', async () => {
    const gateway = createConsoleGateway({
      authorize: (request) => ({ user: request.headers['x-user'] ?? '' }),
      limits: { maxRelaysPerUser: 1 },
      providers: { ecs: { endpoint: cloud.url, projectId: PROJECT, authToken: 'fake-ecs-token' } },
    })
    try {
      expect((await gateway.fetch(post({ 'x-user': 'alice' }))).status).toBe(200)
      expect((await gateway.fetch(post({ 'x-user': 'bob' }))).status).toBe(200)
      expect((await gateway.fetch(post({ 'x-user': 'alice' }))).status).toBe(429)
    } finally {
      await gateway.close()
    }
  })
})

describe('bodies read by the framework first (Fastify, Express)', () => {
  // What Fastify does before its handler runs: read and parse the JSON body off `req.raw`.
  async function readJson(request: IncomingMessage): Promise<unknown> {
    let text = ''
    for await (const chunk of request as AsyncIterable<Buffer>) text += chunk.toString('utf8')
    return JSON.parse(text)
  }

  async function serve(handle: (request: IncomingMessage) => Promise<IncomingMessage>) {
    const gateway = createConsoleGateway({
      authorize: () => true,
      logger,
      providers: { ecs: { endpoint: cloud.url, projectId: PROJECT, authToken: 'fake-ecs-token' } },
    })
    const server = createServer((request, response) => {
      void handle(request).then((raw) => gateway.handleRequest(raw, response))
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const answer = await fetch(`http://127.0.0.1:${portOf(server)}/consoles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ECS),
    })
    const body = (await answer.json()) as { url?: string; error?: { message: string } }
    await gateway.close()
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
    return { status: answer.status, body }
  }

  it('takes the parsed body from request.body (the README Fastify recipe)', async () => {
    // fastify.post('/consoles', (req, reply) => { reply.hijack();
    //   return gateway.handleRequest(Object.assign(req.raw, { body: req.body }), reply.raw) })
    const answer = await serve(async (raw) => Object.assign(raw, { body: await readJson(raw) }))
    expect(answer.status).toBe(200)
    expect(answer.body.url).toMatch(/^\/consoles\?ticket=/)
  })

  it('takes a raw Buffer or string body too', async () => {
    const asBuffer = await serve(async (raw) => {
      const body = Buffer.from(JSON.stringify(await readJson(raw)))
      return Object.assign(raw, { body })
    })
    expect(asBuffer.status).toBe(200)
    const asText = await serve(async (raw) =>
      Object.assign(raw, { body: JSON.stringify(await readJson(raw)) }),
    )
    expect(asText.status).toBe(200)
  })

  it('says so when the body was read and not passed on, instead of blaming the browser', async () => {
    const answer = await serve(async (raw) => {
      await readJson(raw)
      return raw
    })
    expect(answer.status).toBe(502)
    expect(answer.body.error?.message).toMatch(/already read/)
    expect(logs).toContain('Reading the console request failed.')
  })
})
