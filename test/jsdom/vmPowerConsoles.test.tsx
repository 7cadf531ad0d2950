// A stopped VM through <CloudTowerConsole> and <EcsConsole> against the fake cloud's state and
// power APIs: shown as stopped (no reconnect attempt burned), started with one click, connected.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeCloud } from '../../fake-cloud/startFakeCloud.ts'
import type { FakeCloudHandle } from '../../fake-cloud/types.ts'
import { CloudTowerConsole } from '../../src/react/consoles/CloudTowerConsole.js'
import { EcsConsole } from '../../src/react/consoles/EcsConsole.js'
import { consoleRoot, FAST_RECONNECT, stateOf, waitForState } from '../support/console/index.js'
import type { ConsoleStatus } from '../../src/core/connection/types.js'

const PROJECT = '13c67a214ced4afb88d911ae4bd5721a'
const ECS_STOPPED = '9a1c7d52-3e4b-4f60-8a71-b2c3d4e5f607'

let cloud: FakeCloudHandle
beforeAll(async () => {
  cloud = await startFakeCloud({ builtInVnc: true, powerDelayMs: 400 })
})
afterAll(() => cloud.close())

/** A fetch that remembers the paths it was asked for (the cloud calls the console makes). */
function recordingFetch() {
  const paths: string[] = []
  const fetcher: typeof fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    paths.push(`${init?.method ?? 'GET'} ${new URL(url).pathname}`)
    return fetch(input, init)
  }
  return { paths, fetcher }
}

const overlayOf = (container: HTMLElement) =>
  container.querySelector<HTMLElement>('[data-rvc-overlay]') ?? container
const vmState = (container: HTMLElement) => consoleRoot(container)?.getAttribute('data-vm-state')

describe('a stopped VM', () => {
  it('power={false}: the state shows, no Start button', async () => {
    const { container } = render(
      <CloudTowerConsole
        endpoint={cloud.url}
        token="fake-cloudtower-admin-token"
        vmId="vm-stopped-01"
        power={false}
      />,
    )
    await waitFor(() => expect(vmState(container)).toBe('stopped'), { timeout: 5_000 })
    expect(screen.queryByRole('button', { name: 'Start VM' })).toBeNull()
  })

  it('CloudTower: shows "This VM is stopped" without a retry, and Start connects by itself', async () => {
    const { paths, fetcher } = recordingFetch()
    const { container } = render(
      <CloudTowerConsole
        endpoint={cloud.url}
        token="fake-cloudtower-admin-token"
        vmId="vm-stopped-01"
        reconnect={FAST_RECONNECT}
        fetch={fetcher}
      />,
    )
    await waitFor(() => expect(vmState(container)).toBe('stopped'), { timeout: 5_000 })
    const root = consoleRoot(container)
    expect(root?.getAttribute('data-state')).toBe('disconnected')
    expect(root?.hasAttribute('data-attempt')).toBe(false)
    expect(root?.hasAttribute('data-error-kind')).toBe(false)
    // One console call, one state call, and nothing more while it waits.
    await new Promise((r) => setTimeout(r, 300))
    expect(paths).toEqual(['POST /api', 'POST /v2/api/get-vms'])
    expect(within(overlayOf(container)).getByText('This VM is stopped')).toBeTruthy()

    const clicked = performance.now()
    fireEvent.click(screen.getByRole('button', { name: 'Start VM' }))
    await waitFor(() => expect(vmState(container)).toBe('starting'))
    expect(within(overlayOf(container)).getByText('Starting the VM…')).toBeTruthy()
    await waitForState(container, 'connected', 10_000)
    // Measured, not asserted: the fake's start takes 400 ms, the task is read every 1 000 ms.
    console.info(`Start VM → connected: ${Math.round(performance.now() - clicked)} ms`)
    expect(vmState(container)).toBe('running')
    expect(paths.filter((p) => p === 'POST /v2/api/start-vm')).toHaveLength(1)
    expect(paths.at(-1)).toBe('POST /api')
    expect(container.innerHTML).not.toContain('fake-cloudtower-admin-token')
  })

  it('ECS: shows the server stopped, and Start connects by itself', async () => {
    const { paths, fetcher } = recordingFetch()
    const { container } = render(
      <EcsConsole
        endpoint={cloud.url}
        projectId={PROJECT}
        serverId={ECS_STOPPED}
        authToken="fake-ecs-token"
        reconnect={FAST_RECONNECT}
        fetch={fetcher}
        locale="zh-CN"
      />,
    )
    await waitFor(() => expect(vmState(container)).toBe('stopped'), { timeout: 5_000 })
    expect(consoleRoot(container)?.hasAttribute('data-attempt')).toBe(false)
    expect(within(overlayOf(container)).getByText('此虚拟机已关机')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '开机' }))
    await waitForState(container, 'connected', 10_000)
    expect(vmState(container)).toBe('running')
    expect(paths.filter((p) => p.endsWith('/cloudservers/action'))).toHaveLength(1)
  })
})

describe('the power menu', () => {
  it('CloudTower: force restart asks first, shows Restarting…, burns no attempt, and comes back', async () => {
    const { paths, fetcher } = recordingFetch()
    const seen: ConsoleStatus[] = []
    const { container } = render(
      <CloudTowerConsole
        endpoint={cloud.url}
        token="fake-cloudtower-admin-token"
        vmId="vm-ubuntu-01"
        fetch={fetcher}
        onStateChange={(status) => seen.push(status)}
      />,
    )
    await waitForState(container, 'connected')
    expect(seen.at(-1)?.capabilities.power).toBe(true)
    fireEvent.click(screen.getByRole('button', { name: 'Power' }))
    const menu = within(screen.getByRole('dialog', { name: 'Power' }))
    expect(menu.getAllByRole('button').map((b) => b.textContent)).toEqual([
      'Shut down',
      'Power off',
      'Restart',
      'Force restart',
    ])
    fireEvent.click(menu.getByRole('button', { name: 'Force restart' }))
    expect(paths).not.toContain('POST /v2/api/force-restart-vm')
    const ask = within(screen.getByRole('dialog', { name: 'Power' }))
    expect(ask.getByText(/Unsaved data is lost/)).toBeTruthy()
    fireEvent.click(ask.getByRole('button', { name: 'Force restart' }))
    await waitFor(() => expect(vmState(container)).toBe('restarting'))
    await waitFor(
      () => expect(within(overlayOf(container)).getByText('Restarting…')).toBeTruthy(),
      { timeout: 5_000 },
    )
    expect(stateOf(consoleRoot(container))).toBe('disconnected')
    await waitFor(() => expect(vmState(container)).toBe('running'), { timeout: 10_000 })
    await waitForState(container, 'connected', 10_000)
    expect(paths.filter((p) => p === 'POST /v2/api/force-restart-vm')).toHaveLength(1)
    expect(seen.every((status) => status.attempt === 0 && status.state !== 'error')).toBe(true)
  })

  it('ECS: Reboot needs no confirmation, follows its job, and the console comes back', async () => {
    const { paths, fetcher } = recordingFetch()
    const seen: ConsoleStatus[] = []
    const { container } = render(
      <EcsConsole
        endpoint={cloud.url}
        projectId={PROJECT}
        serverId="47bc79ae-df61-4ade-9197-283a74e5d70e"
        authToken="fake-ecs-token"
        fetch={fetcher}
        onStateChange={(status) => seen.push(status)}
      />,
    )
    await waitForState(container, 'connected')
    fireEvent.click(screen.getByRole('button', { name: 'Power' }))
    fireEvent.click(
      within(screen.getByRole('dialog', { name: 'Power' })).getByRole('button', { name: 'Reboot' }),
    )
    await waitFor(() => expect(vmState(container)).toBe('restarting'))
    await waitFor(() => expect(vmState(container)).toBe('running'), { timeout: 10_000 })
    await waitForState(container, 'connected', 10_000)
    expect(paths.filter((p) => p.endsWith('/cloudservers/action'))).toHaveLength(1)
    expect(paths.some((p) => p.includes('/jobs/'))).toBe(true)
    expect(seen.every((status) => status.attempt === 0 && status.state !== 'error')).toBe(true)
  })

  it('ECS: names the actions as ECS does', async () => {
    const { container } = render(
      <EcsConsole
        endpoint={cloud.url}
        projectId={PROJECT}
        serverId="47bc79ae-df61-4ade-9197-283a74e5d70e"
        authToken="fake-ecs-token"
      />,
    )
    await waitForState(container, 'connected')
    fireEvent.click(screen.getByRole('button', { name: 'Power' }))
    const menu = within(screen.getByRole('dialog', { name: 'Power' }))
    expect(menu.getAllByRole('button').map((b) => b.textContent)).toEqual([
      'Stop',
      'Force stop',
      'Reboot',
      'Force reboot',
    ])
  })
})
