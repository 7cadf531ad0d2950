// <GatewayConsole> in jsdom through real react-vnc, a real gateway and the fake cloud.
import { render, waitFor } from '@testing-library/react'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { StrictMode } from 'react'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeCloud } from '../../fake-cloud/startFakeCloud.ts'
import type { FakeCloudHandle } from '../../fake-cloud/types.ts'
import { GatewayConsole } from '../../src/react/consoles/GatewayConsole.js'
import { createConsoleGateway } from '../../src/server/createConsoleGateway.js'
import type { ConsoleGateway } from '../../src/server/types.js'
import { consoleRoot, FAST_RECONNECT, waitForState } from '../support/console/index.js'

let cloud: FakeCloudHandle
let gateway: ConsoleGateway
let gatewayUrl: string
const portal = createServer((request, response) => void gateway.handleRequest(request, response))
portal.on(
  'upgrade',
  (request, socket, head) => gateway.upgrade(request, socket, head) || socket.destroy(),
)

beforeAll(async () => {
  cloud = await startFakeCloud({ builtInVnc: true, checkConsoleOrigin: true })
  gateway = createConsoleGateway({
    authorize: (_request, target) =>
      target.provider !== 'cloudtower' || target.vmId !== 'vm-windows-01',
    providers: {
      cloudtower: { endpoint: cloud.url, username: 'admin', password: 'admin123' },
      ecs: {
        endpoint: cloud.url,
        projectId: '13c67a214ced4afb88d911ae4bd5721a',
        authToken: 'fake-ecs-token',
      },
    },
  })
  await new Promise<void>((resolve) => portal.listen(0, '127.0.0.1', resolve))
  gatewayUrl = `http://127.0.0.1:${(portal.address() as AddressInfo).port}/consoles`
})
afterAll(async () => {
  await gateway.close()
  portal.closeAllConnections()
  await new Promise((resolve) => portal.close(resolve))
  await cloud.close()
})

describe('GatewayConsole', () => {
  it('connects through the gateway in StrictMode and reconnects with a new ticket after a drop', async () => {
    const { container } = render(
      <StrictMode>
        <GatewayConsole
          gateway={gatewayUrl}
          provider="cloudtower"
          vmId="vm-ubuntu-01"
          reconnect={FAST_RECONNECT}
        />
      </StrictMode>,
    )
    await waitForState(container, 'connected')
    expect(consoleRoot(container)?.getAttribute('data-provider')).toBe('cloudtower')
    expect(gateway.stats.issuedTickets).toBe(1)
    expect(gateway.stats.activeRelays).toBe(1)

    expect(cloud.faults.dropConnections()).toBe(1)
    await waitFor(() => expect(gateway.stats.totalRelays).toBe(2), { timeout: 5_000 })
    await waitForState(container, 'connected')
    expect(gateway.stats.issuedTickets).toBe(2)
    expect(gateway.stats.rejectedUpgrades).toBe(0)
    expect(container.innerHTML).not.toMatch(/admin123|ticket=/)
  })

  it('shows an ECS console through the gateway', async () => {
    const { container } = render(
      <GatewayConsole
        gateway={gatewayUrl}
        provider="ecs"
        serverId="47bc79ae-df61-4ade-9197-283a74e5d70e"
      />,
    )
    await waitForState(container, 'connected')
  })

  it('shows a refused VM as the forbidden error state', async () => {
    const { container } = render(
      <GatewayConsole gateway={gatewayUrl} provider="cloudtower" vmId="vm-windows-01" />,
    )
    await waitForState(container, 'error')
    expect(consoleRoot(container)?.getAttribute('data-error-kind')).toBe('forbidden')
  })
})
