// <GatewayConsole> while the gateway's Redis hangs (a real redis-server, SIGSTOP): the gateway
// answers 503 within its store deadline, and the viewer says the console service is
// temporarily unavailable (retrying, then with a Retry button), in English and Chinese; once
// Redis answers again, Retry connects.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { Redis } from 'ioredis'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeCloud } from '../../fake-cloud/startFakeCloud.ts'
import type { FakeCloudHandle } from '../../fake-cloud/types.ts'
import { GatewayConsole } from '../../src/react/consoles/GatewayConsole.js'
import { createConsoleGateway } from '../../src/server/createConsoleGateway.js'
import { createRedisGatewayStore } from '../../src/server/redis/createRedisGatewayStore.js'
import type { ConsoleGateway } from '../../src/server/types.js'
import { consoleRoot, waitForState } from '../support/console/index.js'
import { startRedisServer } from '../support/startRedisServer.ts'

let cloud: FakeCloudHandle
let redis: Awaited<ReturnType<typeof startRedisServer>>
let client: Redis
let gateway: ConsoleGateway
let gatewayUrl: string
const portal = createServer((request, response) => void gateway.handleRequest(request, response))
portal.on(
  'upgrade',
  (request, socket, head) => gateway.upgrade(request, socket, head) || socket.destroy(),
)

beforeAll(async () => {
  cloud = await startFakeCloud({ builtInVnc: true })
  redis = await startRedisServer()
  client = new Redis(redis.url)
  client.on('error', () => {})
  gateway = createConsoleGateway({
    authorize: () => ({ user: 'u' }),
    providers: { cloudtower: { endpoint: cloud.url, token: 'fake-cloudtower-admin-token' } },
    store: createRedisGatewayStore({ client }),
    limits: { storeTimeoutMs: 300 },
    logger: { error: () => {} },
  })
  await new Promise<void>((resolve) => portal.listen(0, '127.0.0.1', resolve))
  gatewayUrl = `http://127.0.0.1:${(portal.address() as AddressInfo).port}/consoles`
}, 30_000)
afterAll(async () => {
  redis?.resume()
  await gateway?.close()
  portal.closeAllConnections()
  await new Promise((resolve) => portal.close(resolve))
  client?.disconnect()
  await redis?.stop()
  await cloud?.close()
})

describe('GatewayConsole when the console service is down', () => {
  it('says it is temporarily unavailable while retrying and after, and Retry connects once it is back', async () => {
    redis.pause()
    const { container } = render(
      <GatewayConsole
        gateway={gatewayUrl}
        provider="cloudtower"
        vmId="vm-ubuntu-01"
        overlay
        reconnect={{ maxAttempts: 1, baseDelayMs: 400, jitter: 0 }}
      />,
    )
    await waitForState(container, 'disconnected', 5_000)
    const overlay = container.querySelector('[data-rvc-overlay]')
    expect(overlay?.textContent).toMatch(/console service is temporarily unavailable\. Retrying/)
    await waitForState(container, 'error', 5_000)
    expect(consoleRoot(container)?.getAttribute('data-error-kind')).toBe('server')
    expect(screen.getByRole('alert').textContent).toBe(
      'The console service is temporarily unavailable. Try again in a moment.',
    )
    redis.resume()
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }))
    await waitForState(container, 'connected', 10_000)
  }, 30_000)

  it('says so in Chinese', async () => {
    redis.pause()
    try {
      const { container } = render(
        <GatewayConsole
          gateway={gatewayUrl}
          provider="cloudtower"
          vmId="vm-ubuntu-01"
          overlay
          locale="zh-CN"
          reconnect={false}
        />,
      )
      await waitForState(container, 'error', 5_000)
      await waitFor(() =>
        expect(screen.getByRole('alert').textContent).toBe('控制台服务暂时不可用，请稍后重试。'),
      )
    } finally {
      redis.resume()
    }
  }, 30_000)
})
