// Real HTTP to a gateway over the fake cloud (node: the gateway and the fake are node servers).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeCloud } from '../../../fake-cloud/startFakeCloud.ts'
import type { FakeCloudHandle } from '../../../fake-cloud/types.ts'
import { consoleErrorOf } from '../../../test/support/consoleErrorOf.js'
import { startGatewayServer } from '../../../test/node/server/startGatewayServer.js'
import { fetchGatewayVmState } from './fetchGatewayVmState.js'

let cloud: FakeCloudHandle
let portal: Awaited<ReturnType<typeof startGatewayServer>>

beforeAll(async () => {
  cloud = await startFakeCloud({})
  portal = await startGatewayServer({
    // The header stands in for the portal's session; only `ops` may start VMs.
    authorize: (request) =>
      request.headers['x-user'] === 'ops' ? { user: 'ops', power: ['start'] } : { user: 'v' },
    providers: { cloudtower: { endpoint: cloud.url, token: 'fake-cloudtower-admin-token' } },
  })
})
afterAll(async () => {
  await portal.close()
  await cloud.close()
})

describe('fetchGatewayVmState', () => {
  it('answers the VM’s state and the actions this user may take', async () => {
    const target = { provider: 'cloudtower', vmId: 'vm-stopped-01' } as const
    const gateway = `${portal.url}/consoles/`
    expect(await fetchGatewayVmState({ gateway, target, headers: { 'x-user': 'ops' } })).toEqual({
      state: { state: 'stopped', cloudStatus: 'STOPPED' },
      actions: ['start'],
    })
    expect((await fetchGatewayVmState({ gateway, target })).actions).toEqual([])
  })

  it('throws the gateway’s error as a typed ConsoleError', async () => {
    const error = await consoleErrorOf(
      fetchGatewayVmState({
        gateway: `${portal.url}/consoles`,
        target: { provider: 'cloudtower', vmId: 'vm-nope' },
      }),
    )
    expect(error).toMatchObject({ kind: 'not_found', status: 404, provider: 'cloudtower' })
    const noProvider = await consoleErrorOf(
      fetchGatewayVmState({
        gateway: `${portal.url}/consoles`,
        target: { provider: 'ecs', serverId: 's' },
      }),
    )
    expect(noProvider).toMatchObject({ kind: 'not_found', provider: 'ecs' })
  })

  it('is aborted by its signal', async () => {
    const controller = new AbortController()
    controller.abort()
    const error = await consoleErrorOf(
      fetchGatewayVmState({
        gateway: `${portal.url}/consoles`,
        target: { provider: 'cloudtower', vmId: 'vm-stopped-01' },
        signal: controller.signal,
      }),
    )
    expect(error.kind).toBe('aborted')
  })
})
