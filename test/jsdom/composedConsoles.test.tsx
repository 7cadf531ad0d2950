// <CloudTowerConsole> and <EcsConsole> against the local fake cloud, which honours one-time tokens
// and relays to its built-in VNC servers.
import { render, waitFor } from '@testing-library/react'
import { StrictMode } from 'react'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startFakeCloud } from '../../fake-cloud/startFakeCloud.ts'
import type { FakeCloudHandle } from '../../fake-cloud/types.ts'
import { CloudTowerConsole } from '../../src/react/consoles/CloudTowerConsole.js'
import { EcsConsole } from '../../src/react/consoles/EcsConsole.js'
import { consoleRoot, FAST_RECONNECT, stateOf, waitForState } from '../support/console/index.js'

let cloud: FakeCloudHandle
beforeAll(async () => {
  cloud = await startFakeCloud({ builtInVnc: true })
})
afterAll(() => cloud.close())
beforeEach(() => cloud.faults.reset())

describe('CloudTowerConsole', () => {
  it('shows a live console in StrictMode with one token, and survives a drop with a new one', async () => {
    const issued = cloud.stats.issuedTokens
    const redeemed = cloud.stats.redeemedTokens
    const rejected = cloud.stats.rejectedUpgrades
    const { container } = render(
      <StrictMode>
        <CloudTowerConsole
          endpoint={cloud.url}
          token="fake-cloudtower-admin-token"
          vmId="vm-ubuntu-01"
          reconnect={FAST_RECONNECT}
        />
      </StrictMode>,
    )
    await waitForState(container, 'connected')
    expect(consoleRoot(container)?.getAttribute('data-provider')).toBe('cloudtower')
    expect(cloud.stats.issuedTokens - issued).toBe(1)
    expect(cloud.stats.redeemedTokens - redeemed).toBe(1)

    cloud.faults.dropConnections()
    await waitFor(() => expect(cloud.stats.redeemedTokens - redeemed).toBe(2), { timeout: 5_000 })
    await waitForState(container, 'connected')
    expect(cloud.stats.issuedTokens - issued).toBe(2)
    expect(cloud.stats.rejectedUpgrades).toBe(rejected)
  })

  it('shows a refused token as the error state', async () => {
    const { container } = render(
      <CloudTowerConsole endpoint={cloud.url} token="expired" vmId="vm-ubuntu-01" />,
    )
    await waitForState(container, 'error')
    expect(consoleRoot(container)?.getAttribute('data-error-kind')).toBe('unauthorized')
    expect(container.innerHTML).not.toContain('expired')
  })

  it('stays idle while the token is missing', async () => {
    const { container } = render(
      <CloudTowerConsole endpoint={cloud.url} token={undefined} vmId="vm-ubuntu-01" />,
    )
    await new Promise((r) => setTimeout(r, 100))
    expect(stateOf(consoleRoot(container))).toBe('idle')
  })

  it('gives two consoles of the same VM two tokens', async () => {
    const issued = cloud.stats.issuedTokens
    const props = {
      endpoint: cloud.url,
      token: 'fake-cloudtower-admin-token',
      vmId: 'vm-ubuntu-01',
    }
    const { container } = render(
      <>
        <CloudTowerConsole {...props} />
        <CloudTowerConsole {...props} viewOnly />
      </>,
    )
    await waitFor(() =>
      expect([...container.querySelectorAll('[data-rvc-console]')].map(stateOf)).toEqual([
        'connected',
        'connected',
      ]),
    )
    expect(cloud.stats.issuedTokens - issued).toBe(2)
  })
})

describe('EcsConsole', () => {
  it('connects through the console socket of the page URL', async () => {
    const { container } = render(
      <EcsConsole
        endpoint={cloud.url}
        projectId="13c67a214ced4afb88d911ae4bd5721a"
        serverId="47bc79ae-df61-4ade-9197-283a74e5d70e"
        authToken="fake-ecs-token"
      />,
    )
    await waitForState(container, 'connected')
    expect(consoleRoot(container)?.getAttribute('data-provider')).toBe('ecs')
  })

  it('shows an unknown server as not_found', async () => {
    const { container } = render(
      <EcsConsole
        endpoint={cloud.url}
        projectId="13c67a214ced4afb88d911ae4bd5721a"
        serverId="no-such-server"
        authToken="fake-ecs-token"
      />,
    )
    await waitForState(container, 'error')
    expect(consoleRoot(container)?.getAttribute('data-error-kind')).toBe('not_found')
  })
})
