// createConsoleGateway against the local fake cloud: both providers, both CloudTower link modes,
// login and re-login, tickets, origins, authorization, limits, and what the browser may see.
import { createHash, createHmac, randomBytes } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeCloud } from '../../../fake-cloud/startFakeCloud.ts'
import { vncAuthResponse } from '../../../fake-cloud/rfb/vncAuthResponse.ts'
import type { FakeCloudHandle } from '../../../fake-cloud/types.ts'
import { createConsoleGateway } from '../../../src/server/createConsoleGateway.js'
import type { ConsoleGatewayOptions, ConsoleTarget } from '../../../src/server/types.js'
import { seenByBrowser, startGatewayServer } from './startGatewayServer.js'
import { requestFakeEcsConsole } from '../../support/console/node/index.js'

const PROJECT = '13c67a214ced4afb88d911ae4bd5721a'
const SERVER = '47bc79ae-df61-4ade-9197-283a74e5d70e'
const AK = 'HPUAEXAMPLEACCESSKEY01'
const SK = 'sk-example-secret-key-0123456789abcdef'
const RFB_VERSION = 'RFB 003.008\n'
const logs: string[] = []
const logger = {
  error: (m: string, d?: unknown) => logs.push(m, JSON.stringify(d)),
  warn: (m: string, d?: unknown) => logs.push(m, JSON.stringify(d)),
  info: (m: string, d?: unknown) => logs.push(m, JSON.stringify(d)),
}
// Everyone may open anything but vm-windows-01; the user is a header, as a session cookie would be.
const authorize: ConsoleGatewayOptions['authorize'] = (request, target: ConsoleTarget) =>
  target.provider === 'cloudtower' && target.vmId === 'vm-windows-01'
    ? false
    : { user: request.headers['x-user'] ?? 'alice' }

let cloud: FakeCloudHandle
let portal: Awaited<ReturnType<typeof startGatewayServer>>

beforeAll(async () => {
  cloud = await startFakeCloud({ builtInVnc: true, checkConsoleOrigin: true })
  portal = await startGatewayServer({
    authorize,
    logger,
    providers: {
      cloudtower: { endpoint: cloud.url, token: 'fake-cloudtower-admin-token' },
      ecs: { endpoint: cloud.url, projectId: PROJECT, authToken: 'fake-ecs-token' },
    },
  })
})
afterAll(async () => {
  await portal.close()
  await cloud.close()
})

async function expectRfb(socketPath: string) {
  const client = await portal.open(socketPath)
  expect((await client.waitFor(12)).toString()).toBe(RFB_VERSION)
  client.ws.close()
  await client.closed
}

describe('console requests', () => {
  it('refuses to start without authorize', () => {
    expect(() =>
      createConsoleGateway({
        providers: { ecs: { endpoint: cloud.url, projectId: PROJECT, authToken: 'x' } },
      } as never),
    ).toThrow(/authorize.*required/)
  })

  it('opens a CloudTower console through the proxy link', async () => {
    const redeemed = cloud.stats.redeemedTokens
    const answer = await portal.ask({ provider: 'cloudtower', vmId: 'vm-ubuntu-01' })
    expect(answer.status).toBe(200)
    expect(answer.headers.get('cache-control')).toBe('no-store')
    const { url, expiresInMs } = answer.body as { url: string; expiresInMs: number }
    expect(expiresInMs).toBeLessThanOrEqual(30_000)
    const ticket = new URL(url, portal.url).searchParams.get('ticket') ?? ''
    expect(Buffer.from(ticket, 'base64url').length).toBeGreaterThanOrEqual(16)
    expect(url).toMatch(/^\/consoles\?ticket=[\w-]+$/)
    await expectRfb(url)
    expect(cloud.stats.redeemedTokens - redeemed).toBe(1)
  })

  it('opens a CloudTower console through the direct link to cluster_ip', async () => {
    const direct = await startGatewayServer({
      authorize: () => true,
      providers: {
        cloudtower: {
          endpoint: cloud.url,
          token: 'fake-cloudtower-admin-token',
          mode: 'direct',
          directPort: cloud.port,
          directSecure: false,
        },
      },
    })
    try {
      const answer = await direct.ask({ provider: 'cloudtower', vmId: 'vm-ubuntu-01' })
      expect(answer.status).toBe(200)
      const client = await direct.open((answer.body as { url: string }).url)
      expect((await client.waitFor(12)).toString()).toBe(RFB_VERSION)
      client.ws.close()
    } finally {
      await direct.close()
    }
  })

  it('signs in with username and password, and again when CloudTower forgets the session', async () => {
    const byLogin = await startGatewayServer({
      authorize: () => ({ user: 'ops' }),
      logger,
      providers: {
        cloudtower: {
          endpoint: cloud.url,
          username: 'admin',
          password: 'admin123',
          source: 'LOCAL',
        },
      },
    })
    try {
      const before = cloud.stats.requests
      const first = await byLogin.ask({ provider: 'cloudtower', vmId: 'vm-ubuntu-01' })
      expect(first.status).toBe(200)
      expect(cloud.stats.requests - before).toBe(2) // login + vnc
      const again = await byLogin.ask({ provider: 'cloudtower', vmId: 'vm-ubuntu-01' })
      expect(again.status).toBe(200)
      expect(cloud.stats.requests - before).toBe(3) // the session is reused
      expect(cloud.revokeSessions()).toBeGreaterThan(0)
      const relogged = await byLogin.ask({ provider: 'cloudtower', vmId: 'vm-ubuntu-01' })
      expect(relogged.status).toBe(200)
      expect(cloud.stats.requests - before).toBe(6) // vnc (LOAD_TOKEN_FAILED) + login + vnc
      const client = await byLogin.open((relogged.body as { url: string }).url)
      expect((await client.waitFor(12)).toString()).toBe(RFB_VERSION)
      client.ws.close()
    } finally {
      await byLogin.close()
    }
  })

  it('reports refused gateway credentials as a server error without the secret', async () => {
    const wrong = await startGatewayServer({
      authorize: () => true,
      logger,
      providers: {
        cloudtower: { endpoint: cloud.url, username: 'admin', password: 'wrong-password-123' },
        ecs: { endpoint: cloud.url, projectId: PROJECT, authToken: 'expired-ecs-token-123' },
      },
    })
    try {
      for (const body of [
        { provider: 'cloudtower', vmId: 'vm-ubuntu-01' },
        { provider: 'ecs', serverId: SERVER },
      ]) {
        const answer = await wrong.ask(body)
        expect(answer.status).toBe(502)
        expect(answer.body).toEqual({
          error: {
            kind: 'server',
            message: expect.stringMatching(/refused the console gateway's credentials/),
            retryable: false,
          },
        })
      }
      const token = await startGatewayServer({
        authorize: () => true,
        providers: { cloudtower: { endpoint: cloud.url, token: 'revoked-token-xyz' } },
      })
      const answer = await token.ask({ provider: 'cloudtower', vmId: 'vm-ubuntu-01' })
      expect(answer.status).toBe(502)
      expect(JSON.stringify(answer.body)).not.toContain('revoked-token-xyz')
      await token.close()
    } finally {
      await wrong.close()
    }
  })

  it('maps unknown VMs and servers to not_found and bad input to 400', async () => {
    const vm = await portal.ask({ provider: 'cloudtower', vmId: 'no-such-vm' })
    expect(vm.status).toBe(404)
    expect((vm.body as { error: { kind: string } }).error.kind).toBe('not_found')
    const deleted = await portal.ask({
      provider: 'ecs',
      serverId: 'd0e1f2a3-b4c5-4d6e-8f70-8192a3b4c5d6',
    })
    expect(deleted.status).toBe(404)
    expect((await portal.ask({ provider: 'aws', vmId: 'x' })).status).toBe(400)
    expect((await portal.ask({ provider: 'ecs', serverId: '../x' })).status).toBe(400)
    expect((await portal.ask('not json')).status).toBe(400)
    // A form post (no preflight) is not accepted.
    expect(
      (await portal.ask({ provider: 'ecs', serverId: SERVER }, { contentType: 'text/plain' }))
        .status,
    ).toBe(400)
  })

  it('refuses a VM the portal does not allow', async () => {
    const answer = await portal.ask({ provider: 'cloudtower', vmId: 'vm-windows-01' })
    expect(answer.status).toBe(403)
    expect(answer.body).toEqual({
      error: { kind: 'forbidden', message: 'You may not open this console.', retryable: false },
    })
  })

  it('passes other routes to next', async () => {
    const response = await fetch(`${portal.url}/elsewhere`)
    expect(await response.text()).toBe('portal page')
  })
})

describe('ECS', () => {
  it('relays to the Nova-style socket with the Origin it accepts', async () => {
    const answer = await portal.ask({ provider: 'ecs', serverId: SERVER })
    expect(answer.status).toBe(200)
    await expectRfb((answer.body as { url: string }).url)
  })

  it('a browser-style Origin is what the proxy would refuse without the gateway', async () => {
    const consolePage = await requestFakeEcsConsole(cloud.url)
    const token = new URL(consolePage).searchParams.get('token')
    const { WebSocket } = await import('ws')
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${cloud.url.replace('http', 'ws')}/websockify?token=${token}`, {
        origin: portal.url,
      })
      ws.on('unexpected-response', (_q, r) => resolve(r.statusCode ?? 0))
      ws.on('open', () => resolve(101))
      ws.on('error', () => {})
    })
    expect(status).toBe(403)
  })

  it('takes a fresh IAM token from a function', async () => {
    let calls = 0
    const fresh = await startGatewayServer({
      authorize: () => true,
      providers: {
        ecs: {
          region: 'cn-north-4',
          endpoint: cloud.url,
          projectId: PROJECT,
          authToken: () => (calls++, 'fake-ecs-token'),
        },
      },
    })
    try {
      expect((await fresh.ask({ provider: 'ecs', serverId: SERVER })).status).toBe(200)
      expect(calls).toBe(1)
    } finally {
      await fresh.close()
    }
  })

  it('signs with AK/SK (checked by an API that recomputes the signature)', async () => {
    const seen: { authorization?: string; ok?: boolean }[] = []
    const api: Server = createServer((request, response) => {
      let body = ''
      request.on('data', (c: Buffer) => (body += c.toString()))
      request.on('end', async () => {
        const authorization = String(request.headers.authorization ?? '')
        const signedHeaders = /SignedHeaders=([^,]+)/.exec(authorization)?.[1]?.split(';') ?? []
        const canonical = [
          request.method,
          `${request.url?.split('?')[0]}/`,
          '',
          signedHeaders.map((h) => `${h}:${String(request.headers[h]).trim()}\n`).join(''),
          signedHeaders.join(';'),
          createHash('sha256').update(body).digest('hex'),
        ].join('\n')
        const date = String(request.headers['x-sdk-date'])
        const sts = `SDK-HMAC-SHA256\n${date}\n${createHash('sha256').update(canonical).digest('hex')}`
        const expected = createHmac('sha256', SK).update(sts).digest('hex')
        const ok =
          authorization ===
            `SDK-HMAC-SHA256 Access=${AK}, SignedHeaders=${signedHeaders.join(';')}, Signature=${expected}` &&
          signedHeaders.includes('host')
        seen.push({ authorization, ok })
        if (!ok) {
          response.writeHead(401, { 'content-type': 'application/json' })
          return response.end(
            JSON.stringify({
              error_code: 'APIGW.0301',
              error_msg: 'Incorrect IAM authentication information',
            }),
          )
        }
        // A valid console from the fake cloud, as ECS would give.
        const upstream = await fetch(`${cloud.url}${request.url}`, {
          method: 'POST',
          headers: { 'x-auth-token': 'fake-ecs-token' },
          body,
        })
        response.writeHead(upstream.status, { 'content-type': 'application/json' })
        response.end(await upstream.text())
      })
    })
    await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve))
    const signed = await startGatewayServer({
      authorize: () => true,
      logger,
      providers: {
        ecs: {
          endpoint: `http://127.0.0.1:${(api.address() as AddressInfo).port}`,
          projectId: PROJECT,
          accessKey: AK,
          secretKey: SK,
        },
      },
    })
    try {
      const answer = await signed.ask({ provider: 'ecs', serverId: SERVER })
      expect(answer.status).toBe(200)
      expect(seen).toHaveLength(1)
      expect(seen[0]?.ok).toBe(true)
      expect(seen[0]?.authorization).toMatch(/SignedHeaders=accept;host;x-project-id;x-sdk-date,/)
      const client = await signed.open((answer.body as { url: string }).url)
      expect((await client.waitFor(12)).toString()).toBe(RFB_VERSION)
      client.ws.close()
    } finally {
      await signed.close()
      await new Promise((resolve) => api.close(resolve))
    }
  })
})

describe('tickets and origins', () => {
  const ticketUrl = async () =>
    ((await portal.ask({ provider: 'ecs', serverId: SERVER })).body as { url: string }).url

  it('accepts a ticket once', async () => {
    const url = await ticketUrl()
    const client = await portal.open(url)
    await client.waitFor(12)
    await expect(portal.open(url)).rejects.toMatchObject({
      status: 403,
      body: expect.stringContaining('"kind":"forbidden"'),
    })
    client.ws.close()
  })

  it('refuses unknown and expired tickets', async () => {
    await expect(
      portal.open('/consoles?ticket=' + randomBytes(32).toString('base64url')),
    ).rejects.toMatchObject({ status: 403 })
    await expect(portal.open('/consoles')).rejects.toMatchObject({ status: 403 })
    const quick = await startGatewayServer({
      authorize: () => true,
      limits: { ticketTtlMs: 50 },
      providers: { ecs: { endpoint: cloud.url, projectId: PROJECT, authToken: 'fake-ecs-token' } },
    })
    try {
      const answer = await quick.ask({ provider: 'ecs', serverId: SERVER })
      expect((answer.body as { expiresInMs: number }).expiresInMs).toBe(50)
      expect(quick.gateway.stats.pendingTickets).toBe(1)
      await new Promise((r) => setTimeout(r, 120))
      expect(quick.gateway.stats.pendingTickets).toBe(0)
      await expect(quick.open((answer.body as { url: string }).url)).rejects.toMatchObject({
        status: 403,
        body: expect.stringContaining('expired'),
      })
    } finally {
      await quick.close()
    }
    expect(() =>
      createConsoleGateway({
        authorize: () => true,
        limits: { ticketTtlMs: 60_000 },
        providers: { ecs: { endpoint: cloud.url, projectId: PROJECT, authToken: 'x' } },
      }),
    ).toThrow(/30 000/)
  })

  it('refuses a foreign Origin on the request and on the websocket, without spending the ticket', async () => {
    expect(
      (await portal.ask({ provider: 'ecs', serverId: SERVER }, { origin: 'https://evil.example' }))
        .status,
    ).toBe(403)
    const url = await ticketUrl()
    await expect(portal.open(url, 'https://evil.example')).rejects.toMatchObject({ status: 403 })
    const client = await portal.open(url) // the refusal came before the ticket was looked at
    client.ws.close()
  })

  it('lets an allow-listed origin in, with CORS headers', async () => {
    const cors = await startGatewayServer({
      authorize: () => true,
      allowedOrigins: ['https://portal.example'],
      providers: { ecs: { endpoint: cloud.url, projectId: PROJECT, authToken: 'fake-ecs-token' } },
    })
    try {
      const answer = await cors.ask(
        { provider: 'ecs', serverId: SERVER },
        { origin: 'https://portal.example' },
      )
      expect(answer.status).toBe(200)
      expect(answer.headers.get('access-control-allow-origin')).toBe('https://portal.example')
      expect(
        (await cors.ask({ provider: 'ecs', serverId: SERVER }, { origin: cors.url })).status,
      ).toBe(403)
      const client = await cors.open((answer.body as { url: string }).url, 'https://portal.example')
      client.ws.close()
    } finally {
      await cors.close()
    }
  })
})

describe('limits', () => {
  it('limits console requests per user per minute', async () => {
    const limited = await startGatewayServer({
      authorize: (request) => ({ user: request.headers.origin ?? '' }),
      limits: { requestsPerMinutePerUser: 2 },
      providers: { ecs: { endpoint: cloud.url, projectId: PROJECT, authToken: 'fake-ecs-token' } },
    })
    try {
      const body = { provider: 'ecs', serverId: SERVER }
      expect((await limited.ask(body)).status).toBe(200)
      expect((await limited.ask(body)).status).toBe(200)
      const third = await limited.ask(body)
      expect(third.status).toBe(429)
      expect((third.body as { error: { kind: string } }).error.kind).toBe('rate_limited')
      expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(50)
    } finally {
      await limited.close()
    }
  })

  it('limits open consoles per user and in total, counting unredeemed tickets', async () => {
    const limited = await startGatewayServer({
      authorize: (request) => ({ user: request.headers['x-user'] ?? 'alice' }),
      limits: { maxRelaysPerUser: 1, maxRelays: 2 },
      providers: { ecs: { endpoint: cloud.url, projectId: PROJECT, authToken: 'fake-ecs-token' } },
    })
    try {
      const body = { provider: 'ecs', serverId: SERVER }
      const first = await limited.ask(body)
      expect(first.status).toBe(200)
      expect((await limited.ask(body)).status).toBe(429) // alice's ticket is pending
      const client = await limited.open((first.body as { url: string }).url)
      await client.waitFor(12)
      expect(limited.gateway.stats.activeRelays).toBe(1)
      expect((await limited.ask(body)).status).toBe(429) // alice's relay is open
      client.ws.close()
      await client.closed
      await new Promise((r) => setTimeout(r, 50))
      expect(limited.gateway.stats.activeRelays).toBe(0)
      expect((await limited.ask(body)).status).toBe(200)
    } finally {
      await limited.close()
    }
  })

  it('closes an idle relay', async () => {
    const idle = await startGatewayServer({
      authorize: () => true,
      limits: { idleTimeoutMs: 150 },
      providers: { ecs: { endpoint: cloud.url, projectId: PROJECT, authToken: 'fake-ecs-token' } },
    })
    try {
      const answer = await idle.ask({ provider: 'ecs', serverId: SERVER })
      const client = await idle.open((answer.body as { url: string }).url)
      expect(await client.closed).toBe(4000) // RFB waits for the client's version: nothing moves
    } finally {
      await idle.close()
    }
  })
})

describe('relay', () => {
  it('relays an RFB session exactly, both ways, however the browser splits its stream', async () => {
    // The gateway parses the browser's RFB stream now (issue 18): random bytes are cut off, so
    // the stream is random valid messages, cut at random points, against the built-in VNC server.
    const tapped: Buffer[] = []
    const raw = await startFakeCloud({
      builtInVnc: true,
      tapConsole: () => (chunk) => void tapped.push(Buffer.from(chunk)),
    })
    const relay = await startGatewayServer({
      authorize: () => true,
      providers: { cloudtower: { endpoint: raw.url, token: 'fake-cloudtower-admin-token' } },
    })
    try {
      const answer = await relay.ask({ provider: 'cloudtower', vmId: 'vm-ubuntu-01' })
      const client = await relay.open((answer.body as { url: string }).url)
      let at = (await client.waitFor(12)).length
      const handshake: Buffer[] = [Buffer.from(RFB_VERSION)]
      client.ws.send(handshake[0]!)
      const count = (await client.waitFor(at + 1))[at]!
      const types = (await client.waitFor(at + 1 + count)).subarray(at + 1, at + 1 + count)
      at += 1 + count
      handshake.push(Buffer.of(types[0]!))
      client.ws.send(handshake.at(-1)!)
      if (types[0] === 2) {
        const challenge = (await client.waitFor(at + 16)).subarray(at, at + 16)
        at += 16
        handshake.push(
          Buffer.from(vncAuthResponse(raw.vncPasswordFor('vm-ubuntu-01') ?? '', challenge)),
        )
        client.ws.send(handshake.at(-1)!)
      }
      await client.waitFor(at + 4)
      handshake.push(Buffer.of(1))
      client.ws.send(handshake.at(-1)!)
      const messages: Buffer[] = []
      for (let i = 0; i < 200; i++) {
        const pick = i % 4
        if (pick === 0) messages.push(Buffer.concat([Buffer.of(5, i % 8), randomBytes(4)]))
        else if (pick === 1)
          messages.push(Buffer.concat([Buffer.of(4, i % 2, 0, 0), randomBytes(4)]))
        else if (pick === 2) messages.push(Buffer.of(3, 1, 0, 0, 0, 0, 0, 16, 0, 16))
        else {
          const text = Buffer.from(randomBytes(1 + ((i * 7919) % 2_000)).toString('base64'))
          const head = Buffer.alloc(8)
          head.writeUInt8(6, 0)
          head.writeUInt32BE(text.length, 4)
          messages.push(head, text)
        }
      }
      const all = Buffer.concat(messages)
      for (let from = 0; from < all.length;) {
        const to = Math.min(all.length, from + 1 + ((from * 7919) % 3_000))
        client.ws.send(all.subarray(from, to))
        from = to
      }
      const sent = Buffer.concat([...handshake, all])
      await expect.poll(() => Buffer.concat(tapped).length).toBe(sent.length)
      expect(Buffer.concat(tapped).equals(sent)).toBe(true)
      expect(relay.gateway.stats.bytesToUpstream).toBe(sent.length)
      client.ws.close()
      await client.closed
      await expect.poll(() => relay.gateway.stats.activeRelays).toBe(0)
      expect(relay.gateway.stats.bytesToBrowser).toBe(raw.stats.bytesFromVnc)
      expect(client.received().length).toBe(raw.stats.bytesFromVnc)
    } finally {
      await relay.close()
      await raw.close()
    }
  })
})

describe('secrets', () => {
  it('never shows a cloud secret or a one-time cloud token to the browser or in logs', () => {
    const seen = seenByBrowser.join('\n')
    expect(seen.length).toBeGreaterThan(1000)
    for (const secret of [
      'fake-cloudtower-admin-token',
      'admin123',
      'wrong-password-123',
      'fake-ecs-token',
      'expired-ecs-token-123',
      'revoked-token-xyz',
      SK,
      AK,
    ]) {
      expect(seen).not.toContain(secret)
      expect(logs.join('\n')).not.toContain(secret)
    }
    // Cloud console tokens: CloudTower raw_token (32 hex), base64 token, ECS uuid token.
    expect(seen).not.toMatch(/[0-9a-f]{32}(?![0-9a-f])/)
    expect(seen).not.toMatch(/websockify|token=/)
    expect(seen).not.toMatch(/\bat .*\.(ts|js):\d+/) // no stack traces
    expect(logs.join('\n')).not.toMatch(/ticket=[\w-]{10}/)
    expect(logs.length).toBeGreaterThan(0)
  })
})
