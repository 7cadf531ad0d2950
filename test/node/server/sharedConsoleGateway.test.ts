// sharedConsoleGateway: nothing at import, one gateway per key per process (even across two copies
// of the module, as a Next.js route bundle and its custom server have), init errors as a 500 that
// the next request retries.
import { randomUUID } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { WebSocket } from 'ws'
import { startFakeCloud } from '../../../fake-cloud/startFakeCloud.ts'
import type { FakeCloudHandle } from '../../../fake-cloud/types.ts'
import { sharedConsoleGateway } from '../../../src/server/sharedConsoleGateway.js'
import type { ConsoleGateway, ConsoleGatewayOptions } from '../../../src/server/types.js'

const RFB_VERSION = 'RFB 003.008\n'
let cloud: FakeCloudHandle

beforeAll(async () => {
  cloud = await startFakeCloud({ builtInVnc: true })
})
afterAll(async () => {
  await cloud.close()
})

const options = (): ConsoleGatewayOptions => ({
  authorize: () => ({ user: 'alice' }),
  path: '/api/consoles',
  providers: { cloudtower: { endpoint: cloud.url, token: 'fake-cloudtower-admin-token' } },
  logger: { error: () => {} },
})
const ask = (gateway: ConsoleGateway) =>
  gateway.fetch(
    new Request('http://portal.test/api/consoles', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ provider: 'cloudtower', vmId: 'vm-ubuntu-01' }),
    }),
  )
const quietConsole = () => vi.spyOn(console, 'error').mockImplementation(() => {})

/** A node:http server that takes requests with one gateway and upgrades with another. */
async function serve(requests: ConsoleGateway, upgrades: ConsoleGateway) {
  const server: Server = createServer((request, response) => {
    void requests.handleRequest(request, response)
  })
  server.on('upgrade', (request, socket, head) => {
    if (!upgrades.upgrade(request, socket, head)) socket.destroy()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url,
    async close() {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}

/** Opens `{url}{path}` as a websocket; resolves with the first bytes, or rejects with the status. */
function firstBytes(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url.replace('http', 'ws'), ['binary'])
    ws.once('message', (data: Buffer) => {
      resolve(data.toString())
      ws.close()
    })
    ws.once('unexpected-response', (_request, response) =>
      reject(new Error(`HTTP ${response.statusCode}`)),
    )
    ws.once('error', reject)
  })
}

describe('sharedConsoleGateway', () => {
  it('does nothing until the first request: no init, idle stats, close() a no-op', async () => {
    const init = vi.fn(options)
    const gateway = sharedConsoleGateway(init, randomUUID())
    expect(gateway.stats).toEqual({
      activeRelays: 0,
      pendingTickets: 0,
      totalRelays: 0,
      issuedTickets: 0,
      rejectedUpgrades: 0,
      bytesToUpstream: 0,
      bytesToBrowser: 0,
    })
    await gateway.close()
    expect(init).not.toHaveBeenCalled()

    expect((await ask(gateway)).status).toBe(200)
    expect((await ask(gateway)).status).toBe(200)
    expect(init).toHaveBeenCalledTimes(1)
    expect(gateway.stats.issuedTickets).toBe(2)
    await gateway.close()
  })

  it('keeps one gateway per key on globalThis, shared by two copies of the module', async () => {
    // A second evaluation of the module, as a bundler's copy would be: no shared closure.
    // (A variable specifier: TypeScript cannot resolve the query, Vite evaluates the file again.)
    const specifier = '../../../src/server/sharedConsoleGateway.js?copy'
    const copy = (await import(/* @vite-ignore */ specifier)) as {
      sharedConsoleGateway: typeof sharedConsoleGateway
    }
    expect(copy.sharedConsoleGateway).not.toBe(sharedConsoleGateway)
    const key = randomUUID()
    const initRoute = vi.fn(options)
    const initServer = vi.fn(options)
    const route = sharedConsoleGateway(initRoute, key)
    const server = copy.sharedConsoleGateway(initServer, key)
    const portal = await serve(route, server)
    try {
      const redeemed = cloud.stats.redeemedTokens
      const answer = await fetch(`${portal.url}/api/consoles`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ provider: 'cloudtower', vmId: 'vm-ubuntu-01' }),
      })
      expect(answer.status).toBe(200)
      const { url } = (await answer.json()) as { url: string }
      // The ticket issued through one copy is redeemed through the other.
      expect(await firstBytes(`${portal.url}${url}`)).toBe(RFB_VERSION)
      expect(cloud.stats.redeemedTokens - redeemed).toBe(1)
      expect(initRoute).toHaveBeenCalledTimes(1)
      expect(initServer).not.toHaveBeenCalled()
      expect(server.stats.totalRelays).toBe(1)

      // Another key is another gateway: it knows nothing of the first one's tickets.
      const other = sharedConsoleGateway(options, randomUUID())
      const second = (await (await ask(route)).json()) as { url: string }
      const elsewhere = await serve(other, other)
      try {
        await expect(firstBytes(`${elsewhere.url}${second.url}`)).rejects.toThrow('HTTP 403')
      } finally {
        await elsewhere.close()
        await other.close()
      }
    } finally {
      await portal.close()
      await route.close()
    }
    // close() ends the shared instance for every copy: it refuses new work.
    const after = await ask(server)
    expect(after.status).toBe(502)
    expect(((await after.json()) as { error: { message: string } }).error.message).toMatch(
      /shutting down/,
    )
  })

  it('answers a 500 server error while init throws, and tries init again on the next request', async () => {
    const errors = quietConsole()
    let secret: string | undefined
    const init = vi.fn(() => {
      if (!secret) throw new Error('TOWER_TOKEN is not set')
      return { ...options(), providers: { cloudtower: { endpoint: cloud.url, token: secret } } }
    })
    const gateway = sharedConsoleGateway(init, randomUUID())
    const portal = await serve(gateway, gateway)
    try {
      const failed = await ask(gateway)
      expect(failed.status).toBe(500)
      expect(failed.headers.get('content-type')).toMatch(/^application\/json/)
      expect(await failed.json()).toEqual({
        error: {
          kind: 'server',
          message:
            'The console gateway is not configured on this server. Tell the portal administrator.',
          retryable: false,
        },
      })
      // node:http alone answers the same; an upgrade is left to the caller's fallback.
      const viaNode = await fetch(`${portal.url}/api/consoles`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      })
      expect(viaNode.status).toBe(500)
      expect(((await viaNode.json()) as { error: { kind: string } }).error.kind).toBe('server')
      await expect(firstBytes(`${portal.url}/api/consoles?ticket=x`)).rejects.toThrow()
      expect(init).toHaveBeenCalledTimes(3)
      // The cause goes to the server's log, not to the browser.
      expect(errors.mock.calls.flat().join('\n')).toMatch(/could not be created: TOWER_TOKEN/)

      secret = 'fake-cloudtower-admin-token'
      expect((await ask(gateway)).status).toBe(200)
      expect(init).toHaveBeenCalledTimes(4)
    } finally {
      errors.mockRestore()
      await portal.close()
      await gateway.close()
    }
  })

  it("reports the gateway's own option errors the same way, and hands them to next()", async () => {
    const errors = quietConsole()
    const gateway = sharedConsoleGateway(
      () => ({ ...options(), authorize: undefined }) as unknown as ConsoleGatewayOptions,
      randomUUID(),
    )
    try {
      expect((await ask(gateway)).status).toBe(500)
      const next = vi.fn()
      // A framework's chain gets the error (Express answers next(error) with its 500).
      const { IncomingMessage, ServerResponse } = await import('node:http')
      const { Socket } = await import('node:net')
      const request = new IncomingMessage(new Socket())
      await gateway.handleRequest(request, new ServerResponse(request), next)
      expect(next).toHaveBeenCalledWith(
        expect.objectContaining({ message: expect.stringMatching(/authorize/) }),
      )
      expect(errors.mock.calls.flat().join('\n')).toMatch(/authorize.*required/)
    } finally {
      errors.mockRestore()
    }
  })
})
