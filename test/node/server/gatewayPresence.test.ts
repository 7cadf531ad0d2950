// Presence through one gateway (issue 18 §4), over real HTTP and real websockets to the fake
// cloud's VNC server: `POST {path}/presence` lists the other users on the VM, through the node
// handler and the fetch handler, authorized like a console and rate-limited apart from it.
// It all fails on the old gateway: `{path}/presence` did not exist (404).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeCloud } from '../../../fake-cloud/startFakeCloud.ts'
import type { FakeCloudHandle } from '../../../fake-cloud/types.ts'
import { createConsoleGateway } from '../../../src/server/createConsoleGateway.js'
import type {
  AuthorizeContext,
  ConsoleGatewayOptions,
  ConsoleTarget,
} from '../../../src/server/types.js'
import { seenByBrowser, startGatewayServer } from './startGatewayServer.js'

const TOWER_TOKEN = 'fake-cloudtower-admin-token'
const seenActions: AuthorizeContext['action'][] = []
// x-user names the portal's user; `nobody` is refused; `guest` is allowed by address.
const authorize: ConsoleGatewayOptions['authorize'] = (request, _target, context) => {
  seenActions.push(context.action)
  const user = request.headers['x-user'] ?? 'guest'
  if (user === 'nobody') return false
  return user === 'guest' ? true : { user }
}

let cloud: FakeCloudHandle
let portal: Awaited<ReturnType<typeof startGatewayServer>>
beforeAll(async () => {
  cloud = await startFakeCloud({ builtInVnc: true })
  portal = await startGatewayServer({
    authorize,
    providers: { cloudtower: { endpoint: cloud.url, token: TOWER_TOKEN } },
  })
})
afterAll(async () => {
  await portal?.close()
  await cloud?.close()
  for (const text of seenByBrowser) expect(text).not.toContain(TOWER_TOKEN)
})

const tower = (vmId: string): ConsoleTarget => ({ provider: 'cloudtower', vmId })

async function post(gw: { url: string }, route: '' | '/presence', body: unknown, user: string) {
  const response = await fetch(`${gw.url}/consoles${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: gw.url, 'x-user': user },
    body: JSON.stringify(body),
  })
  const text = await response.text()
  seenByBrowser.push(text)
  return { status: response.status, headers: response.headers, body: JSON.parse(text) }
}

/** A console as the browser opens it: the POST, then the websocket with its ticket. */
async function openConsole(gw: typeof portal, target: ConsoleTarget, user: string) {
  const answer = await post(gw, '', target, user)
  expect(answer.status).toBe(200)
  const socket = await gw.open(
    new URL(answer.body.url, gw.url).pathname + new URL(answer.body.url, gw.url).search,
  )
  await socket.waitFor(12) // the RFB version: the relay is up
  return socket
}

const names = (answer: { body: { viewers: { user: string }[] } }) =>
  answer.body.viewers.map((viewer) => viewer.user)

describe('POST {path}/presence', () => {
  it('lists the other users on the VM, not the asking one, and updates when one leaves', async () => {
    const vm = tower('vm-ubuntu-01')
    expect((await post(portal, '/presence', vm, 'alice')).body).toEqual({ viewers: [] })
    const alice = await openConsole(portal, vm, 'alice')
    const bob = await openConsole(portal, vm, 'bob')
    const before = Date.now()
    const seenByAlice = await post(portal, '/presence', vm, 'alice')
    expect(seenByAlice.status).toBe(200)
    expect(seenByAlice.body.viewers).toEqual([
      { user: 'bob', mode: 'control', since: expect.any(String) },
    ])
    expect(Date.parse(seenByAlice.body.viewers[0].since)).toBeLessThanOrEqual(before)
    expect(names(await post(portal, '/presence', vm, 'bob'))).toEqual(['alice'])
    expect(names(await post(portal, '/presence', vm, 'carol'))).toEqual(['alice', 'bob'])
    // Another VM has its own viewers.
    expect(names(await post(portal, '/presence', tower('vm-windows-01'), 'carol'))).toEqual([])
    expect(seenActions.at(-1)).toBe('console')

    bob.ws.close()
    await bob.closed
    const deadline = Date.now() + 2_000
    let after = names(await post(portal, '/presence', vm, 'alice'))
    while (after.length > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50))
      after = names(await post(portal, '/presence', vm, 'alice'))
    }
    expect(after).toEqual([])
    alice.ws.close()
    await alice.closed
  })

  it('never names a user allowed by address; refuses like a console request', async () => {
    const vm = tower('vm-windows-01')
    const guest = await openConsole(portal, vm, 'guest')
    const seen = await post(portal, '/presence', vm, 'alice')
    expect(seen.body.viewers).toEqual([
      { user: 'anonymous', mode: 'control', since: expect.any(String) },
    ])
    expect(JSON.stringify(seen.body)).not.toContain('127.0.0.1')
    const refused = await post(portal, '/presence', vm, 'nobody')
    expect([refused.status, refused.body.error.kind]).toEqual([403, 'forbidden'])
    const bad = await post(portal, '/presence', { provider: 'cloudtower' }, 'alice')
    expect([bad.status, bad.body.error.kind]).toEqual([400, 'invalid_input'])
    guest.ws.close()
    await guest.closed
  })

  it('has its own per-user window: polling never eats the console requests', async () => {
    const limited = await startGatewayServer({
      authorize,
      providers: { cloudtower: { endpoint: cloud.url, token: TOWER_TOKEN } },
      limits: {
        presenceRequestsPerMinutePerUser: 3,
        requestsPerMinutePerUser: 1,
        requestsPerMinute: 2,
      },
    })
    try {
      const vm = tower('vm-ubuntu-01')
      for (let i = 0; i < 3; i++)
        expect((await post(limited, '/presence', vm, 'alice')).status).toBe(200)
      const over = await post(limited, '/presence', vm, 'alice')
      expect([over.status, over.body.error.kind]).toEqual([429, 'rate_limited'])
      expect(over.headers.get('retry-after')).toMatch(/^\d+$/)
      // Another user polls in a window of their own.
      expect((await post(limited, '/presence', vm, 'bob')).status).toBe(200)
      // The console windows (the user's and all users') are untouched by the polls.
      expect((await post(limited, '', vm, 'alice')).status).toBe(200)
      expect((await post(limited, '', vm, 'bob')).status).toBe(200)
    } finally {
      await limited.close()
    }
  })

  it('answers through the fetch handler too', async () => {
    const gateway = createConsoleGateway({
      authorize,
      providers: { cloudtower: { endpoint: cloud.url, token: TOWER_TOKEN } },
    })
    try {
      const ask = (user: string) =>
        gateway.fetch(
          new Request('http://portal.test/consoles/presence', {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-user': user },
            body: JSON.stringify(tower('vm-ubuntu-01')),
          }),
        )
      const answer = await ask('alice')
      expect(answer.status).toBe(200)
      expect(await answer.json()).toEqual({ viewers: [] })
      expect((await ask('nobody')).status).toBe(403)
    } finally {
      await gateway.close()
    }
  })
})
