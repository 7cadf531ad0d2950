// Real HTTP to a gateway over the fake cloud (node: the gateway and the fake are node servers).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeCloud } from '../../../fake-cloud/startFakeCloud.ts'
import type { FakeCloudHandle } from '../../../fake-cloud/types.ts'
import { consoleErrorOf } from '../../../test/support/consoleErrorOf.js'
import { startGatewayServer } from '../../../test/node/server/startGatewayServer.js'
import { fetchGatewayVmState } from './fetchGatewayVmState.js'
import { requestGatewayPowerAction } from './requestGatewayPowerAction.js'

const SERVER = '9a1c7d52-3e4b-4f60-8a71-b2c3d4e5f607' // the fake's stopped ECS server
let cloud: FakeCloudHandle
let portal: Awaited<ReturnType<typeof startGatewayServer>>

beforeAll(async () => {
  cloud = await startFakeCloud({ powerDelayMs: 300 })
  portal = await startGatewayServer({
    authorize: (request) =>
      request.headers['x-user'] === 'ops' ? { user: 'ops', power: ['start'] } : { user: 'v' },
    providers: {
      ecs: {
        endpoint: cloud.url,
        projectId: '13c67a214ced4afb88d911ae4bd5721a',
        authToken: 'fake-ecs-token',
      },
    },
  })
})
afterAll(async () => {
  await portal.close()
  await cloud.close()
})

describe('requestGatewayPowerAction', () => {
  const target = { provider: 'ecs', serverId: SERVER } as const
  const gateway = () => `${portal.url}/consoles`

  it('throws forbidden / power_not_allowed for a user without the action', async () => {
    const error = await consoleErrorOf(
      requestGatewayPowerAction({ gateway: gateway(), target, action: 'start' }),
    )
    expect(error).toMatchObject({ kind: 'forbidden', code: 'power_not_allowed', status: 403 })
    expect(error.retryable).toBe(false)
    const restart = await consoleErrorOf(
      requestGatewayPowerAction({
        gateway: gateway(),
        target,
        action: 'restart',
        headers: { 'x-user': 'ops' },
      }),
    )
    expect(restart.code).toBe('power_not_allowed')
  })

  it('starts the VM: the cloud accepted, and the state settles on running', async () => {
    const headers = { 'x-user': 'ops' }
    const accepted = await requestGatewayPowerAction({
      gateway: gateway(),
      target,
      action: 'start',
      headers,
    })
    expect(accepted.state.state).toBe('starting')
    const deadline = Date.now() + 8_000
    let state = accepted.state.state
    while (state !== 'running' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100))
      state = (await fetchGatewayVmState({ gateway: gateway(), target, headers })).state.state
    }
    expect(state).toBe('running')
  })
})
