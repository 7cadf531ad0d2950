// <GatewayConsole> and a stopped VM through a real gateway and the fake cloud: the gateway's
// authorize decides which power actions the console offers.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeCloud } from '../../fake-cloud/startFakeCloud.ts'
import type { FakeCloudHandle } from '../../fake-cloud/types.ts'
import { GatewayConsole } from '../../src/react/consoles/GatewayConsole.js'
import { createConsoleGateway } from '../../src/server/createConsoleGateway.js'
import type { ConsoleGateway } from '../../src/server/types.js'
import { consoleRoot, waitForState } from '../support/console/index.js'

let cloud: FakeCloudHandle
let gateway: ConsoleGateway
let gatewayUrl: string
const portal = createServer((request, response) => void gateway.handleRequest(request, response))
portal.on(
  'upgrade',
  (request, socket, head) => gateway.upgrade(request, socket, head) || socket.destroy(),
)

beforeAll(async () => {
  cloud = await startFakeCloud({ builtInVnc: true, powerDelayMs: 400 })
  gateway = createConsoleGateway({
    // Operators may start VMs; viewers get the console and the state only.
    authorize: (request) =>
      request.headers['x-role'] === 'operator' ? { user: 'op', power: ['start'] } : { user: 'v' },
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

const overlayOf = (container: HTMLElement) =>
  container.querySelector<HTMLElement>('[data-rvc-overlay]') ?? container
const vmState = (container: HTMLElement) => consoleRoot(container)?.getAttribute('data-vm-state')

describe('GatewayConsole and a stopped VM', () => {
  it('a viewer sees the VM stopped, without Start or a power menu', async () => {
    const { container } = render(
      <GatewayConsole
        gateway={gatewayUrl}
        provider="cloudtower"
        vmId="vm-stopped-01"
        headers={{ 'x-role': 'viewer' }}
      />,
    )
    await waitFor(() => expect(vmState(container)).toBe('stopped'), { timeout: 5_000 })
    expect(consoleRoot(container)?.hasAttribute('data-attempt')).toBe(false)
    expect(within(overlayOf(container)).getByText('This VM is stopped')).toBeTruthy()
    await new Promise((r) => setTimeout(r, 200))
    expect(screen.queryByRole('button', { name: 'Start VM' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Power' })).toBeNull()
  })

  it('an operator starts it, and the console connects by itself', async () => {
    const { container } = render(
      <GatewayConsole
        gateway={gatewayUrl}
        provider="cloudtower"
        vmId="vm-stopped-01"
        headers={{ 'x-role': 'operator' }}
      />,
    )
    await waitFor(() => expect(vmState(container)).toBe('stopped'), { timeout: 5_000 })
    fireEvent.click(await screen.findByRole('button', { name: 'Start VM' }))
    await waitForState(container, 'connected', 15_000)
    expect(vmState(container)).toBe('running')
    expect(container.innerHTML).not.toMatch(/admin123|ticket=/)
  })
})
