// The gateway facing clients that do not play fair: huge and dribbled bodies, parallel requests
// racing the per-user limit, floods of refused requests, foreign schemes, a browser leaving in
// the middle of a handshake, and a cloud API answer aimed at a host it should not be.
import { createServer, type Server } from 'node:http'
import { connect, type AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeCloud } from '../../../fake-cloud/startFakeCloud.ts'
import type { FakeCloudHandle } from '../../../fake-cloud/types.ts'
import type { ConsoleGatewayOptions } from '../../../src/server/types.js'
import { startGatewayServer } from './startGatewayServer.js'

const PROJECT = '13c67a214ced4afb88d911ae4bd5721a'
const SERVER = '47bc79ae-df61-4ade-9197-283a74e5d70e'
const ECS = { provider: 'ecs', serverId: SERVER }
const MiB = 1024 * 1024
const quiet = { error: () => {}, warn: () => {} }

let cloud: FakeCloudHandle
beforeAll(async () => {
  cloud = await startFakeCloud({ builtInVnc: true })
})
afterAll(async () => {
  await cloud.close()
})

const ecsGateway = (extra: Partial<ConsoleGatewayOptions> = {}) =>
  startGatewayServer({
    authorize: (request) => ({ user: request.headers['x-user'] ?? 'mallory' }),
    logger: quiet,
    providers: { ecs: { endpoint: cloud.url, projectId: PROJECT, authToken: 'fake-ecs-token' } },
    ...extra,
  })
const portOf = (server: Server) => (server.address() as AddressInfo).port

/** A body stream that makes its bytes only when read, and counts how many were asked for. */
function countingStream(total: number) {
  const pulled = { bytes: 0 }
  const chunk = new Uint8Array(64 * 1024).fill(0x20)
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.bytes >= total) return controller.close()
      pulled.bytes += chunk.length
      controller.enqueue(chunk)
    },
  })
  return { stream, pulled }
}

/** A streamed POST straight into the fetch handler, as a route handler would pass it on. */
function postStream(
  portal: { url: string; gateway: { fetch(request: Request): Promise<Response> } },
  body: ReadableStream<Uint8Array>,
  headers: Record<string, string> = {},
) {
  return portal.gateway.fetch(
    new Request(`${portal.url}/consoles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
      duplex: 'half',
    } as RequestInit),
  )
}

/** Raw HTTP: writes `head` (and `body`), resolves with the status once the server answers or closes. */
function rawRequest(port: number, head: string, body = '', { timeoutMs = 5_000 } = {}) {
  const socket = connect(port, '127.0.0.1')
  socket.on('error', () => {})
  socket.write(head + body)
  let text = ''
  socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')))
  const timer = setTimeout(() => socket.destroy(), timeoutMs)
  const started = Date.now()
  return {
    socket,
    // (Not events.once: a write the server cut off raises `error` before `close`.)
    response: new Promise<void>((resolve) => socket.once('close', () => resolve())).then(() => {
      clearTimeout(timer)
      return {
        status: Number(/^HTTP\/1\.1 (\d+)/.exec(text)?.[1] ?? 0),
        text,
        ms: Date.now() - started,
      }
    }),
  }
}

describe('request bodies', () => {
  it('fetch: stops reading a 64 MiB streamed body at the cap and answers 413', async () => {
    const portal = await ecsGateway()
    try {
      const { stream, pulled } = countingStream(64 * MiB)
      const response = await postStream(portal, stream)
      expect(response.status).toBe(413)
      expect(((await response.json()) as { error: { kind: string } }).error.kind).toBe(
        'invalid_input',
      )
      expect(pulled.bytes).toBeLessThan(1 * MiB)
    } finally {
      await portal.close()
    }
  })

  it('fetch: a declared length over the cap is refused unread', async () => {
    const portal = await ecsGateway()
    try {
      const { stream, pulled } = countingStream(64 * MiB)
      const response = await postStream(portal, stream, { 'content-length': String(64 * MiB) })
      expect(response.status).toBe(413)
      expect(pulled.bytes).toBeLessThanOrEqual(2 * 64 * 1024) // what the stream buffers ahead
    } finally {
      await portal.close()
    }
  })

  it('node: answers 413 and closes, without reading a chunked body to its end', async () => {
    const portal = await ecsGateway()
    try {
      const port = portOf(portal.server)
      const { socket, response } = rawRequest(
        port,
        `POST /consoles HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`,
      )
      // 64 KiB chunks until the gateway answers (at most 64 MiB).
      const chunk = `10000\r\n${' '.repeat(0x10000)}\r\n`
      let sent = 0
      while (sent < 64 * MiB && !socket.destroyed && socket.writable) {
        if (!socket.write(chunk))
          await new Promise((resolve) => {
            socket.once('drain', resolve)
            socket.once('close', resolve)
          })
        sent += 0x10000
        if (socket.bytesRead > 0) break
      }
      const { status, text } = await response
      expect(status).toBe(413)
      expect(text).toMatch(/connection: close/i)
      expect(sent).toBeLessThan(16 * MiB)
    } finally {
      await portal.close()
    }
  })

  it('node: answers 408 to a body that does not arrive in time', async () => {
    const portal = await ecsGateway({ limits: { bodyTimeoutMs: 300 } })
    try {
      const port = portOf(portal.server)
      const { response } = rawRequest(
        port,
        `POST /consoles HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n`,
        '{"provider":',
      )
      const { status, ms } = await response
      expect(status).toBe(408)
      expect(ms).toBeLessThan(4_000)
    } finally {
      await portal.close()
    }
  })

  it('fetch: answers 408 to a body stream that never ends', async () => {
    const portal = await ecsGateway({ limits: { bodyTimeoutMs: 200 } })
    try {
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"provider":'))
        },
      })
      const response = await postStream(portal, stream)
      expect(response.status).toBe(408)
    } finally {
      await portal.close()
    }
  })
})

describe('limits under pressure', () => {
  it('12 parallel requests of one user with maxRelaysPerUser 3 get 3 tickets and 3 cloud calls', async () => {
    const portal = await ecsGateway({ limits: { maxRelaysPerUser: 3 } })
    try {
      const before = cloud.stats.issuedTokens
      const answers = await Promise.all(Array.from({ length: 12 }, () => portal.ask(ECS)))
      const statuses = answers.map((answer) => answer.status).sort()
      expect(statuses.filter((s) => s === 200)).toHaveLength(3)
      expect(statuses.filter((s) => s === 429)).toHaveLength(9)
      expect(cloud.stats.issuedTokens - before).toBe(3)
    } finally {
      await portal.close()
    }
  })

  it('after too many refused requests from one address, answers it 429 before reading anything', async () => {
    const portal = await ecsGateway({ limits: { refusalsPerMinutePerAddress: 5 } })
    try {
      for (let i = 0; i < 3; i++) {
        expect((await portal.ask(ECS, { contentType: 'text/plain' })).status).toBe(400)
      }
      expect((await portal.ask({ provider: 'nope' })).status).toBe(400)
      await expect(portal.open('/consoles?ticket=guessed')).rejects.toMatchObject({ status: 403 })
      expect(portal.gateway.stats.refusals).toBe(5)
      const blocked = await portal.ask(ECS)
      expect(blocked.status).toBe(429)
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0)
      await expect(portal.open('/consoles?ticket=guessed')).rejects.toMatchObject({ status: 429 })
      // Granted requests are not refusals: another gateway counts nothing for them.
      const fresh = await ecsGateway({ limits: { refusalsPerMinutePerAddress: 2 } })
      try {
        for (let i = 0; i < 4; i++) {
          const answer = await fresh.ask(ECS)
          expect(answer.status).toBe(200)
          const client = await fresh.open(answer.body.url)
          client.ws.close()
          await client.closed
        }
        expect(fresh.gateway.stats.refusals).toBe(0)
      } finally {
        await fresh.close()
      }
    } finally {
      await portal.close()
    }
  })
})

describe('origins', () => {
  it('refuses an Origin whose host matches but whose scheme does not', async () => {
    const portal = await ecsGateway()
    try {
      const https = portal.url.replace('http:', 'https:')
      expect((await portal.ask(ECS, { origin: https })).status).toBe(403)
      const answer = await portal.ask(ECS)
      expect(answer.status).toBe(200)
      await expect(portal.open(answer.body.url, https)).rejects.toMatchObject({ status: 403 })
      // Behind a TLS-terminating proxy that says so, the https page is the gateway's own.
      const response = await fetch(`${portal.url}/consoles`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: https,
          'x-forwarded-proto': 'https',
        },
        body: JSON.stringify(ECS),
      })
      expect(response.status).toBe(200)
    } finally {
      await portal.close()
    }
  })
})

describe('what the browser may see', () => {
  it('redacts a signature and auth headers that the cloud API echoes in its error', async () => {
    const echoed =
      'Bad request: Authorization: SDK-HMAC-SHA256 Access=HPUAEXAMPLEKEY, SignedHeaders=host;x-sdk-date, Signature=9f8e7d6c5b4a39281706f5e4d3c2b1a0 X-Auth-Token: MIIlongiamtokenvalue'
    const api = createServer((request, response) => {
      request.resume()
      response.writeHead(400, { 'content-type': 'application/json' })
      response.end(JSON.stringify({ error: { code: 'Ecs.0005', message: echoed } }))
    })
    await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve))
    const logs: unknown[] = []
    const record = (...entry: unknown[]) => void logs.push(entry)
    const portal = await startGatewayServer({
      authorize: () => ({ user: 'u' }),
      logger: { error: record, warn: record },
      providers: {
        ecs: {
          endpoint: `http://127.0.0.1:${portOf(api)}`,
          projectId: PROJECT,
          authToken: 'fake-ecs-token',
        },
      },
    })
    try {
      const answer = await portal.ask(ECS)
      expect(answer.status).toBe(400)
      // The cloud's code and our words; its text (and whatever it echoes) goes to the log only.
      expect(answer.body.error).toMatchObject({ kind: 'invalid_input', code: 'Ecs.0005' })
      const message = answer.body.error.message
      expect(message).toBe(
        'Huawei Cloud rejected the request as invalid. (Huawei Cloud error Ecs.0005)',
      )
      const logged = JSON.stringify(logs)
      expect(logged).toContain('Bad request')
      expect(logged).not.toContain('9f8e7d6c5b4a39281706f5e4d3c2b1a0')
      expect(logged).not.toContain('MIIlongiamtokenvalue')
      expect(logged).not.toContain('HPUAEXAMPLEKEY')
    } finally {
      await portal.close()
      await new Promise((resolve) => api.close(resolve))
    }
  })
})

describe('ECS console hosts', () => {
  // An ECS API on `localhost` whose answer names a console proxy on another loopback address.
  async function ecsApiAnswering(consoleUrl: string) {
    const api = createServer((request, response) => {
      request.resume()
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(
        JSON.stringify({ remote_console: { type: 'novnc', protocol: 'vnc', url: consoleUrl } }),
      )
    })
    await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve))
    return api
  }

  it('refuses a console host outside the endpoint’s domain, and allows one listed in consoleHosts', async () => {
    const api = await ecsApiAnswering('http://127.0.0.2:6080/vnc_auto.html?token=tampered')
    const endpoint = `http://localhost:${portOf(api)}`
    const logs: unknown[] = []
    const record = (...entry: unknown[]) => void logs.push(entry)
    const strict = await startGatewayServer({
      authorize: () => ({ user: 'u' }),
      logger: { error: record, warn: record },
      providers: { ecs: { endpoint, projectId: PROJECT, authToken: 'fake-ecs-token' } },
    })
    const listed = await startGatewayServer({
      authorize: () => ({ user: 'u' }),
      logger: quiet,
      providers: {
        ecs: {
          endpoint,
          projectId: PROJECT,
          authToken: 'fake-ecs-token',
          consoleHosts: ['127.0.0.2'],
        },
      },
    })
    try {
      const refused = await strict.ask(ECS)
      expect(refused.status).toBe(502)
      expect(refused.body.error.kind).toBe('invalid_response')
      // The browser learns what happened, not which host: the gateway's log names it.
      expect(refused.body.error.code).toBe('console_host_not_allowed')
      expect(refused.body.error.message).toMatch(/settings do not allow/)
      expect(refused.body.error.message).not.toContain('127.0.0.2')
      expect(refused.body.error.message).not.toContain('tampered')
      expect(JSON.stringify(logs)).toMatch(/127\.0\.0\.2.*consoleHosts/)
      expect(JSON.stringify(logs)).not.toContain('tampered')
      expect(strict.gateway.stats.issuedTickets).toBe(0)
      expect((await listed.ask(ECS)).status).toBe(200)
    } finally {
      await strict.close()
      await listed.close()
      await new Promise((resolve) => api.close(resolve))
    }
  })
})
