// trustProxy: two clients behind one proxy are counted apart by the per-address refusal limit,
// and a client that writes its own X-Forwarded-For picks no address unless its hop is trusted.
import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeCloud } from '../../../fake-cloud/startFakeCloud.ts'
import type { FakeCloudHandle } from '../../../fake-cloud/types.ts'
import type { ConsoleGatewayOptions } from '../../../src/server/types.js'
import { startForwardingProxy } from '../../support/startForwardingProxy.ts'
import { startGatewayServer } from './startGatewayServer.js'

const VM = JSON.stringify({ provider: 'cloudtower', vmId: 'vm-ubuntu-01' })
const REFUSALS = 5

let cloud: FakeCloudHandle
beforeAll(async () => {
  cloud = await startFakeCloud({ builtInVnc: true })
})
afterAll(async () => {
  await cloud?.close()
})

/** A console request from `from` (a loopback address); `origin` wrong on purpose for a refusal. */
function post(
  base: string,
  from: string,
  init: { badOrigin?: boolean; headers?: Record<string, string> } = {},
) {
  return new Promise<number>((resolve, reject) => {
    const req = request(
      `${base}/consoles`,
      {
        method: 'POST',
        localAddress: from,
        agent: false,
        headers: {
          'content-type': 'application/json',
          origin: init.badOrigin ? 'https://evil.example' : base,
          ...init.headers,
        },
      },
      (response) => {
        response.resume()
        resolve(response.statusCode ?? 0)
      },
    )
    req.on('error', reject)
    req.end(VM)
  })
}

async function gatewayWith(extra: Partial<ConsoleGatewayOptions>) {
  const logs: unknown[] = []
  const portal = await startGatewayServer({
    authorize: (request) => ({ user: request.remoteAddress ?? 'unknown' }),
    // The proxy's own host is the gateway's Origin; the clients call through it.
    allowedOrigins: (origin) => origin.startsWith('http://127.0.0.1:'),
    providers: { cloudtower: { endpoint: cloud.url, token: 'fake-cloudtower-admin-token' } },
    limits: { refusalsPerMinutePerAddress: REFUSALS },
    logger: {
      error: () => {},
      warn: (...entry) => void logs.push(entry),
      info: (...entry) => void logs.push(entry),
    },
    ...extra,
  })
  return { portal, logs }
}

/** Client `from` is refused REFUSALS times, then once more: what does the last one get? */
async function misbehave(
  base: string,
  from: string,
  headers?: (n: number) => Record<string, string>,
) {
  const statuses = []
  for (let n = 0; n <= REFUSALS; n++)
    statuses.push(await post(base, from, { badOrigin: true, headers: headers?.(n) }))
  return statuses
}

describe('trustProxy', () => {
  it('behind a proxy, counts refusals per real client: one misbehaving client does not lock out another', async () => {
    for (const [trustProxy, header] of [
      [1, 'x-forwarded-for'],
      [['127.0.0.1'], 'x-forwarded-for'],
      [1, 'forwarded'],
    ] as const) {
      const { portal, logs } = await gatewayWith({ trustProxy, trustProxyHeader: header })
      const proxy = await startForwardingProxy(Number(new URL(portal.url).port), header)
      try {
        const what = JSON.stringify({ trustProxy, header })
        expect(await misbehave(proxy.url, '127.0.0.2'), what).toEqual([
          ...Array(REFUSALS).fill(403),
          429,
        ])
        expect(await post(proxy.url, '127.0.0.2'), what).toBe(429)
        expect(await post(proxy.url, '127.0.0.3'), what).toBe(200)
        // The log names the client, not the proxy.
        expect(logs.at(-1), what).toEqual([
          'Console ticket issued for cloudtower vm-ubuntu-01.',
          { user: 'user:127.0.0.3', address: '127.0.0.3' },
        ])
      } finally {
        await proxy.close()
        await portal.close()
      }
    }
  })

  it('without trustProxy, the proxy is the address (everyone locked out), and a spoofed X-Forwarded-For is ignored', async () => {
    const { portal } = await gatewayWith({})
    const proxy = await startForwardingProxy(Number(new URL(portal.url).port))
    try {
      await misbehave(proxy.url, '127.0.0.2')
      expect(await post(proxy.url, '127.0.0.3')).toBe(429)
      // Straight to the gateway, a new X-Forwarded-For each time: still one address.
      const spoofing = await misbehave(portal.url, '127.0.0.4', (n) => ({
        'x-forwarded-for': `198.51.100.${n}`,
      }))
      expect(spoofing.at(-1)).toBe(429)
    } finally {
      await proxy.close()
      await portal.close()
    }
  })

  it('trusting listed proxies only, a client that calls the gateway directly cannot pick its address', async () => {
    const { portal, logs } = await gatewayWith({ trustProxy: ['127.0.0.1'] })
    try {
      const spoofing = await misbehave(portal.url, '127.0.0.5', (n) => ({
        'x-forwarded-for': `198.51.100.${n}`,
      }))
      expect(spoofing.at(-1)).toBe(429)
      expect(await post(portal.url, '127.0.0.6')).toBe(200)
      expect(JSON.stringify(logs)).not.toContain('198.51.100.')
    } finally {
      await portal.close()
    }
  })
})
