// Real HTTP to a gateway over the fake cloud (node: the gateway and the fake are node servers).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeCloud } from '../../../fake-cloud/startFakeCloud.ts'
import type { FakeCloudHandle } from '../../../fake-cloud/types.ts'
import { consoleErrorOf } from '../../../test/support/consoleErrorOf.js'
import { startGatewayServer } from '../../../test/node/server/startGatewayServer.js'
import { fetchGatewayPresence } from './fetchGatewayPresence.js'

let cloud: FakeCloudHandle
let portal: Awaited<ReturnType<typeof startGatewayServer>>

beforeAll(async () => {
  cloud = await startFakeCloud({ builtInVnc: true })
  portal = await startGatewayServer({
    // The header stands in for the portal's session; `nobody` may not see this VM.
    authorize: (request) =>
      request.headers['x-user'] === 'nobody' ? false : { user: request.headers['x-user'] ?? 'v' },
    providers: { cloudtower: { endpoint: cloud.url, token: 'fake-cloudtower-admin-token' } },
  })
})
afterAll(async () => {
  await portal.close()
  await cloud.close()
})

const target = { provider: 'cloudtower', vmId: 'vm-ubuntu-01' } as const

describe('fetchGatewayPresence', () => {
  it('answers the other users with a console open on the VM', async () => {
    const gateway = `${portal.url}/consoles/`
    expect(await fetchGatewayPresence({ gateway, target, headers: { 'x-user': 'alice' } })).toEqual(
      [],
    )
    const ticket = await portal.ask(target, {})
    const bob = await portal.open(
      new URL(ticket.body.url, portal.url).pathname + new URL(ticket.body.url, portal.url).search,
    )
    await bob.waitFor(12)
    // `ask` has no user header: authorize named it `v`.
    expect(await fetchGatewayPresence({ gateway, target, headers: { 'x-user': 'alice' } })).toEqual(
      [{ user: 'v', mode: 'control', since: expect.any(String) }],
    )
    expect(await fetchGatewayPresence({ gateway, target })).toEqual([])
    bob.ws.close()
    await bob.closed
  })

  it('throws the gateway’s refusal as a typed ConsoleError', async () => {
    const error = await consoleErrorOf(
      fetchGatewayPresence({
        gateway: `${portal.url}/consoles`,
        target,
        headers: { 'x-user': 'nobody' },
      }),
    )
    expect([error.kind, error.status]).toEqual(['forbidden', 403])
  })

  it('drops entries it cannot read and refuses an answer without a list', async () => {
    const answering = (body: unknown) => async () => Response.json(body)
    expect(
      await fetchGatewayPresence({
        gateway: 'http://portal.test/consoles',
        target,
        fetch: answering({
          viewers: [
            { user: 'alice', mode: 'observe', since: '2026-12-07T05:00:00Z' },
            { user: 'bob', mode: 'admin', since: 'x' },
            null,
          ],
        }),
      }),
    ).toEqual([{ user: 'alice', mode: 'observe', since: '2026-12-07T05:00:00Z' }])
    const error = await consoleErrorOf(
      fetchGatewayPresence({
        gateway: 'http://portal.test/consoles',
        target,
        fetch: answering({}),
      }),
    )
    expect(error.kind).toBe('invalid_response')
  })
})
