// State and power through the gateway (issue 17 §3), over real HTTP against the fake cloud: the
// state of stopped VMs, Start until the VM runs and a console opens, and every refusal path.
// All of it fails on the old gateway: `{path}/state` and `{path}/power` did not exist (404).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeCloud } from '../../../fake-cloud/startFakeCloud.ts'
import type { FakeCloudHandle } from '../../../fake-cloud/types.ts'
import type { VmPowerAction } from '../../../src/core/power/VmPowerAction.js'
import type { GatewayStore } from '../../../src/server/store/GatewayStore.js'
import type {
  AuthorizeContext,
  ConsoleGatewayOptions,
  ConsoleTarget,
} from '../../../src/server/types.js'
import { seenByBrowser, startGatewayServer } from './startGatewayServer.js'

const PROJECT = '13c67a214ced4afb88d911ae4bd5721a'
const STOPPED_ECS = '9a1c7d52-3e4b-4f60-8a71-b2c3d4e5f607'
const RUNNING_ECS = '47bc79ae-df61-4ade-9197-283a74e5d70e'
const TOWER_TOKEN = 'fake-cloudtower-admin-token'
const ECS_TOKEN = 'fake-ecs-token'
const ALL: VmPowerAction[] = ['start', 'shutdown', 'poweroff', 'restart', 'forceRestart']
const RFB_VERSION = 'RFB 003.008\n'

const logs: string[] = []
const logger = {
  error: (m: string, d?: unknown) => logs.push(`error ${m} ${JSON.stringify(d)}`),
  warn: (m: string, d?: unknown) => logs.push(`warn ${m} ${JSON.stringify(d)}`),
  info: (m: string, d?: unknown) => logs.push(`info ${m} ${JSON.stringify(d)}`),
}
const seenActions: AuthorizeContext['action'][] = []
// Operators (x-user: ops) may do everything; anyone else consoles only, as most portals start.
const authorize: ConsoleGatewayOptions['authorize'] = (request, _target, context) => {
  seenActions.push(context.action)
  const user = request.headers['x-user'] ?? 'viewer'
  return user === 'ops' ? { user, power: ALL } : { user }
}
const providers = (cloud: FakeCloudHandle): ConsoleGatewayOptions['providers'] => ({
  cloudtower: { endpoint: cloud.url, token: TOWER_TOKEN },
  ecs: { endpoint: cloud.url, projectId: PROJECT, authToken: ECS_TOKEN },
})

let cloud: FakeCloudHandle
let portal: Awaited<ReturnType<typeof startGatewayServer>>

beforeAll(async () => {
  cloud = await startFakeCloud({ builtInVnc: true, powerDelayMs: 400 })
  portal = await startGatewayServer({ authorize, logger, providers: providers(cloud) })
})
afterAll(async () => {
  await portal.close()
  await cloud.close()
  // Nothing the browser saw and no log line holds a cloud token.
  for (const text of [...seenByBrowser, ...logs]) {
    expect(text).not.toContain(TOWER_TOKEN)
    expect(text).not.toContain(ECS_TOKEN)
  }
})

// POST as the browser does, with a user header standing in for the portal's session.
async function post(
  gw: { url: string },
  route: '' | '/state' | '/power',
  body: unknown,
  user = 'ops',
  init: { origin?: string; contentType?: string; method?: string } = {},
) {
  const response = await fetch(`${gw.url}/consoles${route}`, {
    method: init.method ?? 'POST',
    headers: {
      'content-type': init.contentType ?? 'application/json',
      origin: init.origin ?? gw.url,
      'x-user': user,
    },
    ...(init.method !== 'GET' && {
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  })
  const text = await response.text()
  seenByBrowser.push(text)
  return { status: response.status, headers: response.headers, body: JSON.parse(text) }
}
const tower = (vmId: string): ConsoleTarget => ({ provider: 'cloudtower', vmId })
const ecs = (serverId: string): ConsoleTarget => ({ provider: 'ecs', serverId })

async function waitForState(target: ConsoleTarget, state: string, timeoutMs = 8_000) {
  const deadline = Date.now() + timeoutMs
  const seen: string[] = []
  for (;;) {
    const answer = await post(portal, '/state', target)
    seen.push(answer.body.state?.state)
    if (answer.body.state?.state === state) return seen
    if (Date.now() > deadline) throw new Error(`never ${state}: ${seen.join(', ')}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

async function waitForLog(pattern: RegExp, timeoutMs = 8_000) {
  const deadline = Date.now() + timeoutMs
  while (!logs.some((line) => pattern.test(line))) {
    if (Date.now() > deadline) throw new Error(`no log line ${pattern}`)
    await new Promise((r) => setTimeout(r, 50))
  }
  return logs.find((line) => pattern.test(line))!
}

describe('state and power through the gateway', () => {
  it('answers the state of a stopped VM for both providers, with the actions the user may take', async () => {
    const towerState = await post(portal, '/state', tower('vm-stopped-01'))
    expect(towerState.status).toBe(200)
    expect(towerState.headers.get('cache-control')).toBe('no-store')
    expect(towerState.body).toEqual({
      state: { state: 'stopped', cloudStatus: 'STOPPED' },
      actions: ALL,
    })
    const ecsState = await post(portal, '/state', ecs(STOPPED_ECS))
    expect(ecsState.status).toBe(200)
    expect(ecsState.body.state.state).toBe('stopped')
    expect(ecsState.body.state.cloudStatus).toMatch(/^SHUTOFF/)
    expect(seenActions).toContain('state')
  })

  it.each([
    ['cloudtower', tower('vm-stopped-01')],
    ['ecs', ecs(STOPPED_ECS)],
  ])('starts a stopped %s VM; it runs after the delay and a console opens', async (_, target) => {
    const answer = await post(portal, '/power', { ...target, action: 'start' })
    expect(answer.status).toBe(202)
    expect(answer.body.state.state).toBe('starting')
    const seen = await waitForState(target, 'running')
    expect(seen.every((s) => s === 'starting' || s === 'running')).toBe(true)
    const id = target.provider === 'cloudtower' ? target.vmId : target.serverId
    expect(logs.some((l) => /^info Power action start on .* accepted/.test(l))).toBe(true)
    const done = await waitForLog(new RegExp(`^info Power action start on \\w+ ${id} succeeded`))
    expect(done).toContain('"user":"user:ops"')

    const consoleAnswer = await post(portal, '', target)
    expect(consoleAnswer.status).toBe(200)
    expect(consoleAnswer.body.actions).toEqual(ALL)
    const client = await portal.open(consoleAnswer.body.url)
    expect((await client.waitFor(12)).toString()).toBe(RFB_VERSION)
    client.ws.close()
    await client.closed
  })

  it('answers a VM busy with another task as conflict, and logs a task that failed', async () => {
    const target = tower('vm-windows-01')
    const first = await post(portal, '/power', { ...target, action: 'restart' })
    expect(first.status).toBe(202)
    expect(first.body.state.state).toBe('restarting')
    const second = await post(portal, '/power', { ...target, action: 'restart' })
    expect(second.status).toBe(409)
    expect(second.body.error).toMatchObject({ kind: 'conflict', code: 'ResourceLocked' })
    expect(second.body.error.message).toMatch(/^CloudTower is busy with another task on this VM/)
    await waitForLog(/^info Power action restart on cloudtower vm-windows-01 succeeded/)
    await waitForState(target, 'running')
    // Starting a running VM: the cloud takes it, and its task fails.
    expect((await post(portal, '/power', { ...target, action: 'start' })).status).toBe(202)
    const failed = await waitForLog(/^warn Power action start on cloudtower vm-windows-01 did not/)
    expect(failed).toContain('"user":"user:ops"')
    expect(failed).toContain('VM_ALREADY_RUNNING')
  })

  it('refuses every power action to a user authorize allows consoles only (403 power_not_allowed)', async () => {
    const target = tower('vm-ubuntu-01')
    for (const action of ALL) {
      const answer = await post(portal, '/power', { ...target, action }, 'viewer')
      expect(answer.status).toBe(403)
      expect(answer.body).toEqual({
        error: {
          kind: 'forbidden',
          code: 'power_not_allowed',
          message: expect.stringMatching(/^You may not .+ this VM\.$/),
          retryable: false,
        },
      })
      expect(seenActions.at(-1)).toBe(action)
    }
    expect(cloud.power.inFlight('vm-ubuntu-01')).toBeUndefined()
    const state = await post(portal, '/state', target, 'viewer')
    expect(state.body).toEqual({ state: { state: 'running', cloudStatus: 'RUNNING' }, actions: [] })
    const consoleAnswer = await post(portal, '', target, 'viewer')
    expect(consoleAnswer.body.actions).toEqual([])
    expect(
      logs.some((l) => /^warn Power action poweroff on cloudtower vm-ubuntu-01 refused/.test(l)),
    ).toBe(true)
  })

  it('grants only the actions authorize names, and never power for `true`', async () => {
    const picky = await startGatewayServer({
      authorize: (request) =>
        request.headers['x-user'] === 'anyone' ? true : { user: 'u', power: ['start'] },
      logger,
      providers: providers(cloud),
    })
    try {
      const target = ecs(RUNNING_ECS)
      expect((await post(picky, '/state', target, 'u')).body.actions).toEqual(['start'])
      const restart = await post(picky, '/power', { ...target, action: 'restart' }, 'u')
      expect([restart.status, restart.body.error.code]).toEqual([403, 'power_not_allowed'])
      const byTrue = await post(picky, '/power', { ...target, action: 'start' }, 'anyone')
      expect([byTrue.status, byTrue.body.error.code]).toEqual([403, 'power_not_allowed'])
      expect((await post(picky, '/state', target, 'anyone')).body.actions).toEqual([])
    } finally {
      await picky.close()
    }
  })

  it('refuses state and power when authorize says no, and answers a server error when it throws', async () => {
    const strict = await startGatewayServer({
      authorize: (request) => {
        if (request.headers['x-user'] === 'boom') throw new Error(`db down ${TOWER_TOKEN}`)
        return false
      },
      logger,
      providers: providers(cloud),
    })
    try {
      const target = tower('vm-ubuntu-01')
      const state = await post(strict, '/state', target)
      expect([state.status, state.body.error.kind]).toEqual([403, 'forbidden'])
      const power = await post(strict, '/power', { ...target, action: 'start' })
      expect([power.status, power.body.error.code]).toEqual([403, 'power_not_allowed'])
      const thrown = await post(strict, '/power', { ...target, action: 'start' }, 'boom')
      expect([thrown.status, thrown.body.error.kind]).toEqual([502, 'server'])
      expect(strict.gateway.stats.refusals).toBe(2)
    } finally {
      await strict.close()
    }
  })

  it('refuses a bad or missing action name as invalid_input, before authorize', async () => {
    const before = seenActions.length
    for (const action of ['reboot', 'toString', undefined, 7]) {
      const answer = await post(portal, '/power', { ...tower('vm-ubuntu-01'), action })
      expect([answer.status, answer.body.error.kind]).toEqual([400, 'invalid_input'])
    }
    expect(seenActions.length).toBe(before)
  })

  it('refuses what console requests refuse: bad origin, method, content type, body, target, provider', async () => {
    const target = tower('vm-ubuntu-01')
    for (const route of ['/state', '/power'] as const) {
      const body = { ...target, action: 'start' }
      const origin = await post(portal, route, body, 'ops', { origin: 'https://evil.example' })
      expect([origin.status, origin.body.error.kind]).toEqual([403, 'forbidden'])
      const get = await post(portal, route, body, 'ops', { method: 'GET' })
      expect([get.status, get.body.error.kind]).toEqual([400, 'invalid_input'])
      const form = await post(portal, route, body, 'ops', { contentType: 'text/plain' })
      expect([form.status, form.body.error.kind]).toEqual([400, 'invalid_input'])
      const big = await post(portal, route, { ...body, pad: 'x'.repeat(20_000) })
      expect(big.status).toBe(413)
      const notJson = await post(portal, route, '{')
      expect([notJson.status, notJson.body.error.kind]).toEqual([400, 'invalid_input'])
      const noVm = await post(portal, route, { provider: 'cloudtower', action: 'start' })
      expect([noVm.status, noVm.body.error.kind]).toEqual([400, 'invalid_input'])
    }
    const towerOnly = await startGatewayServer({
      authorize,
      providers: { cloudtower: providers(cloud).cloudtower! },
    })
    try {
      const answer = await post(towerOnly, '/state', ecs(RUNNING_ECS))
      expect([answer.status, answer.body.error.kind]).toEqual([404, 'not_found'])
    } finally {
      await towerOnly.close()
    }
  })

  it('passes the cloud’s refusal on, typed, for an unknown VM', async () => {
    const state = await post(portal, '/state', tower('vm-nope'))
    expect([state.status, state.body.error.kind]).toEqual([404, 'not_found'])
    const power = await post(portal, '/power', {
      ...ecs('00000000-0000-0000-0000-000000000000'),
      action: 'start',
    })
    expect([power.status, power.body.error.kind]).toEqual([404, 'not_found'])
    expect(logs.some((l) => /^warn Power action start on ecs 0{8}.* failed/.test(l))).toBe(true)
  })

  it('limits state requests per user apart from consoles; power counts as a console request', async () => {
    const limited = await startGatewayServer({
      authorize,
      providers: providers(cloud),
      limits: { stateRequestsPerMinutePerUser: 2, requestsPerMinutePerUser: 1 },
    })
    try {
      const target = tower('vm-ubuntu-01')
      expect((await post(limited, '/state', target)).status).toBe(200)
      expect((await post(limited, '/state', target)).status).toBe(200)
      const third = await post(limited, '/state', target)
      expect([third.status, third.body.error.kind]).toEqual([429, 'rate_limited'])
      expect(third.headers.get('retry-after')).toMatch(/^\d+$/)
      // The console window is still free; the power request then uses it up.
      const restart = await post(limited, '/power', { ...target, action: 'restart' })
      expect(restart.status).toBe(202)
      const consoleAnswer = await post(limited, '', target)
      expect([consoleAnswer.status, consoleAnswer.body.error.kind]).toEqual([429, 'rate_limited'])
    } finally {
      await limited.close()
    }
  })

  it('counts refused power requests against the address, then answers 429', async () => {
    const guarded = await startGatewayServer({
      authorize,
      providers: providers(cloud),
      limits: { refusalsPerMinutePerAddress: 3 },
    })
    try {
      const body = { ...tower('vm-ubuntu-01'), action: 'poweroff' }
      for (let i = 0; i < 3; i++) {
        expect((await post(guarded, '/power', body, 'viewer')).status).toBe(403)
      }
      const blocked = await post(guarded, '/state', tower('vm-ubuntu-01'), 'ops')
      expect([blocked.status, blocked.body.error.kind]).toEqual([429, 'rate_limited'])
    } finally {
      await guarded.close()
    }
  })

  it('answers 503 quickly when the store misses its deadline', async () => {
    const hung: GatewayStore = {
      putTicket: async () => {},
      takeTicket: async () => undefined,
      hit: () => new Promise(() => {}),
      acquireSlot: async () => true,
      renewSlots: async () => {},
      releaseSlot: async () => {},
    } as unknown as GatewayStore
    const slow = await startGatewayServer({
      authorize,
      providers: providers(cloud),
      store: hung,
      limits: { storeTimeoutMs: 100 },
    })
    try {
      for (const route of ['/state', '/power'] as const) {
        const answer = await post(slow, route, { ...tower('vm-ubuntu-01'), action: 'start' })
        expect([answer.status, answer.body.error.code]).toEqual([503, 'service_unavailable'])
      }
    } finally {
      await slow.close()
    }
  })

  it('serves state through the fetch-style handler too', async () => {
    const { createConsoleGateway } = await import('../../../src/server/createConsoleGateway.js')
    const gateway = createConsoleGateway({ authorize, providers: providers(cloud) })
    try {
      const response = await gateway.fetch(
        new Request('http://portal.example/consoles/state', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-user': 'ops' },
          body: JSON.stringify(tower('vm-ubuntu-01')),
        }),
      )
      expect(response.status).toBe(200)
      expect(await response.json()).toMatchObject({ state: { state: 'running' }, actions: ALL })
    } finally {
      await gateway.close()
    }
  })
})
