// Audit events (issue 18 §1) over real HTTP and websockets, against the fake cloud's RFB server:
// one full session is granted, started and ended exactly once each, with its bytes, duration and
// who closed it; refusals say why; power actions are followed; a failing sink never breaks a
// console. All of it fails on the old gateway, which had no `audit` option at all.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { RfbTestClient } from '../../../fake-cloud/rfb/RfbTestClient.ts'
import { startFakeCloud } from '../../../fake-cloud/startFakeCloud.ts'
import type { FakeCloudHandle } from '../../../fake-cloud/types.ts'
import type { AuditEvent } from '../../../src/server/audit/AuditEvent.js'
import { createMemoryGatewayStore } from '../../../src/server/store/createMemoryGatewayStore.js'
import type { ConsoleGatewayOptions } from '../../../src/server/types.js'
import { startGatewayServer } from './startGatewayServer.js'

const PROJECT = '13c67a214ced4afb88d911ae4bd5721a'
const SERVER = '47bc79ae-df61-4ade-9197-283a74e5d70e'
const ECS = { provider: 'ecs', serverId: SERVER }
const quiet = { error: () => {}, warn: () => {} }

let cloud: FakeCloudHandle
beforeAll(async () => {
  cloud = await startFakeCloud({ builtInVnc: true, powerDelayMs: 200 })
})
// The fake cloud is shared: a power action must be over before the next test opens a console.
// A restart drops the server's consoles a quarter of powerDelayMs after it was accepted, which
// used to land in the next test's handshake (the power test returns right after the 202).
afterEach(async () => {
  await expect.poll(() => cloud.power.inFlight(SERVER), { timeout: 5_000 }).toBeUndefined()
})
afterAll(async () => {
  await cloud.close()
})

async function auditedGateway(extra: Partial<ConsoleGatewayOptions> = {}) {
  const events: AuditEvent[] = []
  const portal = await startGatewayServer({
    authorize: (request) => {
      const user = request.headers['x-user']
      if (user === 'eve') return false
      return { user: user ?? 'alice', power: ['restart'] }
    },
    logger: quiet,
    replica: 'replica-a',
    audit: (event) => void events.push(event),
    providers: { ecs: { endpoint: cloud.url, projectId: PROJECT, authToken: 'fake-ecs-token' } },
    ...extra,
  })
  const post = async (path = '/consoles', user = 'alice', body: unknown = ECS) => {
    const response = await fetch(`${portal.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: portal.url, 'x-user': user },
      body: JSON.stringify(body),
    })
    return { status: response.status, body: (await response.json()) as { url: string } }
  }
  const rfb = async (ticketUrl: string) => {
    const client = await RfbTestClient.connectWebSocket(
      `${portal.url.replace('http', 'ws')}${ticketUrl}`,
    )
    await client.handshake({ password: cloud.vncPasswordFor(SERVER) })
    return client
  }
  return { portal, events, post, rfb }
}

const ofType = <T extends AuditEvent['type']>(events: AuditEvent[], type: T) =>
  events.filter((event): event is Extract<AuditEvent, { type: T }> => event.type === type)

describe('audit events', () => {
  it('a full session: granted, started and ended exactly once each, with bytes and duration', async () => {
    const { portal, events, post, rfb } = await auditedGateway()
    try {
      const answer = await post()
      expect(answer.status).toBe(200)
      const client = await rfb(answer.body.url)
      client.requestUpdate(false, { x: 0, y: 0, width: 64, height: 64 })
      await client.readUpdate()
      client.pointer(0, 10, 10)
      await new Promise((resolve) => setTimeout(resolve, 50))
      client.close()
      await expect.poll(() => ofType(events, 'session.end').length).toBe(1)
      // Nothing more arrives later (a second end, a refusal).
      await new Promise((resolve) => setTimeout(resolve, 300))

      expect(events.map((event) => event.type)).toEqual([
        'console.granted',
        'session.start',
        'session.end',
      ])
      const [granted, start, end] = events as [
        Extract<AuditEvent, { type: 'console.granted' }>,
        Extract<AuditEvent, { type: 'session.start' }>,
        Extract<AuditEvent, { type: 'session.end' }>,
      ]
      const who = {
        replica: 'replica-a',
        user: 'alice',
        provider: 'ecs',
        vmId: SERVER,
        address: '127.0.0.1',
        mode: 'control',
        sessionId: granted.sessionId,
      }
      expect(granted).toMatchObject({ ...who, exclusive: false, actions: ['restart'] })
      expect(start).toMatchObject(who)
      expect(end).toMatchObject({ ...who, closedBy: 'browser', reason: 'browser' })
      expect(granted.sessionId).toMatch(/^[0-9a-f-]{36}$/)
      // Never derived from the ticket.
      expect(answer.body.url).not.toContain(granted.sessionId)
      for (const event of events) expect(Date.parse(event.time)).not.toBeNaN()
      // The greeting, security, ServerInit and a 64×64 update reached the browser; the
      // handshake, an update request and a pointer event reached the console.
      expect(end.bytesToBrowser).toBeGreaterThan(64 * 64 * 4)
      expect(end.bytesToConsole).toBeGreaterThanOrEqual(12 + 1 + 1 + 10 + 6)
      expect(end.durationMs).toBeGreaterThanOrEqual(40)
      // The test client terminates its socket without a close frame.
      expect(end.closeCode).toBe(1006)
    } finally {
      await portal.close()
    }
  })

  it('a session the console proxy ends is closed by the console; one close() ends, by the gateway', async () => {
    const { portal, events, post, rfb } = await auditedGateway()
    try {
      await rfb((await post()).body.url)
      for (const session of cloud.vncServers.get(SERVER)?.sessions ?? []) session.close()
      await expect.poll(() => ofType(events, 'session.end').length).toBe(1)
      expect(ofType(events, 'session.end')[0]).toMatchObject({ closedBy: 'console' })

      await rfb((await post()).body.url)
      await portal.close()
      await expect.poll(() => ofType(events, 'session.end').length).toBe(2)
      expect(ofType(events, 'session.end')[1]).toMatchObject({
        closedBy: 'gateway',
        closeCode: 1001,
        reason: 'gateway closing',
      })
    } finally {
      await portal.close()
    }
  })

  it('refusals say why, at the request and at the websocket, without the ticket', async () => {
    const { portal, events, post } = await auditedGateway()
    try {
      expect((await post('/consoles', 'eve')).status).toBe(403)
      const refusedOrigin = await fetch(`${portal.url}/consoles`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
        body: JSON.stringify(ECS),
      })
      expect(refusedOrigin.status).toBe(403)
      const ticketUrl = (await post()).body.url
      const first = await portal.open(ticketUrl)
      first.ws.close()
      await first.closed
      await expect(portal.open(ticketUrl)).rejects.toMatchObject({ status: 403 })

      const refused = ofType(events, 'console.refused')
      expect(refused).toEqual([
        expect.objectContaining({
          stage: 'request',
          provider: 'ecs',
          vmId: SERVER,
          action: 'console',
          status: 403,
          kind: 'forbidden',
          reason: 'You may not open this console.',
        }),
        expect.objectContaining({ stage: 'request', status: 403, kind: 'forbidden' }),
        expect.objectContaining({
          stage: 'websocket',
          status: 403,
          kind: 'forbidden',
          reason: expect.stringMatching(/ticket is unknown, used or expired/),
        }),
      ])
      expect(refused[0]).not.toHaveProperty('user')
      expect(refused[1]).not.toHaveProperty('vmId')
      const ticket = new URL(ticketUrl, portal.url).searchParams.get('ticket') ?? ''
      expect(JSON.stringify(events)).not.toContain(ticket)
    } finally {
      await portal.close()
    }
  })

  it('a websocket refused because the store did not answer is audited, with its 503', async () => {
    // A store that loses its server mid-way (Redis gone): tickets go in, none comes out in time.
    const { portal, events, post } = await auditedGateway({
      store: { ...createMemoryGatewayStore(), takeTicket: () => new Promise(() => {}) },
      limits: { storeTimeoutMs: 200 },
    })
    try {
      const ticketUrl = (await post()).body.url
      await expect(portal.open(ticketUrl)).rejects.toMatchObject({ status: 503 })
      expect(ofType(events, 'console.refused')).toEqual([
        expect.objectContaining({
          stage: 'websocket',
          address: '127.0.0.1',
          action: 'console',
          status: 503,
          kind: 'server',
          code: 'service_unavailable',
          reason: 'The console service is temporarily unavailable. Try again in a moment.',
        }),
      ])
      const ticket = new URL(ticketUrl, portal.url).searchParams.get('ticket') ?? ''
      expect(JSON.stringify(events)).not.toContain(ticket)
    } finally {
      await portal.close()
    }
  })

  it('power: requested, accepted, and refused when not granted', async () => {
    const { portal, events, post } = await auditedGateway()
    try {
      const restart = await post('/consoles/power', 'alice', { ...ECS, action: 'restart' })
      expect(restart.status).toBe(202)
      const stop = await post('/consoles/power', 'alice', { ...ECS, action: 'poweroff' })
      expect(stop.status).toBe(403)
      const [requested] = ofType(events, 'power.requested')
      expect(requested).toMatchObject({ user: 'alice', vmId: SERVER, action: 'restart' })
      expect(ofType(events, 'power.accepted')).toEqual([
        expect.objectContaining({ action: 'restart', requestId: requested?.requestId }),
      ])
      expect(ofType(events, 'console.refused')).toEqual([
        expect.objectContaining({ action: 'poweroff', status: 403, code: 'power_not_allowed' }),
      ])
    } finally {
      await portal.close()
    }
  })

  it('a gateway that closes while it follows a power task reports no failure of that task', async () => {
    const warnings: string[] = []
    const { portal, events, post } = await auditedGateway({
      logger: { error: () => {}, warn: (message) => warnings.push(message) },
    })
    let closed = false
    try {
      const restart = await post('/consoles/power', 'alice', { ...ECS, action: 'restart' })
      expect(restart.status).toBe(202)
      // The fake cloud's restart takes 200 ms: the gateway closes while it still follows it.
      await portal.close()
      closed = true
      await new Promise((resolve) => setTimeout(resolve, 300))
      expect(ofType(events, 'power.accepted')).toHaveLength(1)
      expect(ofType(events, 'power.failed')).toEqual([])
      expect(warnings.filter((message) => /did not succeed/.test(message))).toEqual([])
    } finally {
      if (!closed) await portal.close()
    }
  })

  it('a throwing or rejecting audit never breaks a console', async () => {
    for (const audit of [
      () => {
        throw new Error('audit down')
      },
      () => Promise.reject(new Error('audit down')),
    ]) {
      const logged: string[] = []
      const { portal, post, rfb } = await auditedGateway({
        audit,
        logger: { error: (message) => logged.push(message) },
      })
      try {
        const client = await rfb((await post()).body.url)
        client.requestUpdate(false, { x: 0, y: 0, width: 8, height: 8 })
        await client.readUpdate()
        client.close()
        await expect.poll(() => portal.gateway.stats.activeRelays).toBe(0)
        expect(logged).toContain('The audit sink failed; an audit event was lost.')
      } finally {
        await portal.close()
      }
    }
  })
})
