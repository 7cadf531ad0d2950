// Observers and the shared flag (issue 18 §5), over real HTTP and websockets against the fake
// cloud's RFB server, counted where it matters: at the console. An observer's keys, pointer,
// clipboard and QEMU keys never arrive; ClientInit's shared flag is forced to 1 unless
// `authorize` marks the user `exclusive`; a browser that sends garbage or a text frame is cut
// off with 4400 and audited. Every test fails on the old gateway, which relayed bytes unread.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RfbTestClient } from '../../../fake-cloud/rfb/RfbTestClient.ts'
import type { RfbClientMessage } from '../../../fake-cloud/rfb/RfbClientMessage.ts'
import type { RfbSession } from '../../../fake-cloud/rfb/RfbSession.ts'
import { startFakeCloud } from '../../../fake-cloud/startFakeCloud.ts'
import type { FakeCloudHandle } from '../../../fake-cloud/types.ts'
import type { AuditEvent } from '../../../src/server/audit/AuditEvent.js'
import type { ConsoleGatewayOptions } from '../../../src/server/types.js'
import { startGatewayServer } from './startGatewayServer.js'

const PROJECT = '13c67a214ced4afb88d911ae4bd5721a'
const SERVER = '47bc79ae-df61-4ade-9197-283a74e5d70e'
const ECS = { provider: 'ecs', serverId: SERVER }
const quiet = { error: () => {}, warn: () => {} }
const INPUT = new Set(['key', 'qemuKey', 'pointer', 'clientCutText', 'xvp', 'setDesktopSize'])

let cloud: FakeCloudHandle
let portal: Awaited<ReturnType<typeof startGatewayServer>>
const events: AuditEvent[] = []
/** Every client message the VNC server received, with the session it came on. */
const atConsole: { message: RfbClientMessage; session: RfbSession }[] = []

// x-user picks the grant: observer, boss (exclusive), anyone else controls.
const authorize: ConsoleGatewayOptions['authorize'] = (request) => {
  const user = request.headers['x-user'] ?? 'alice'
  if (user === 'observer') return { user, mode: 'observe' }
  if (user === 'boss') return { user, exclusive: true }
  return { user }
}

beforeAll(async () => {
  cloud = await startFakeCloud({ builtInVnc: true })
  cloud.vncServers
    .get(SERVER)
    ?.on('message', (message, session) => atConsole.push({ message, session }))
  portal = await startGatewayServer({
    authorize,
    logger: quiet,
    audit: (event) => void events.push(event),
    auditKeys: true,
    providers: { ecs: { endpoint: cloud.url, projectId: PROJECT, authToken: 'fake-ecs-token' } },
  })
})
afterAll(async () => {
  await portal.close()
  await cloud.close()
})

async function ticket(user: string) {
  const response = await fetch(`${portal.url}/consoles`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: portal.url, 'x-user': user },
    body: JSON.stringify(ECS),
  })
  expect(response.status).toBe(200)
  return (await response.json()) as { url: string; mode: string }
}

/** A console through the gateway, its handshake done, and its session at the VNC server. */
async function viewer(user: string, shared = true) {
  const { url } = await ticket(user)
  const screen = cloud.vncServers.get(SERVER)!
  const session = screen.nextSession()
  const client = await RfbTestClient.connectWebSocket(`${portal.url.replace('http', 'ws')}${url}`)
  await client.handshake({ password: cloud.vncPasswordFor(SERVER), shared })
  return { client, session: await session }
}

const received = (session: RfbSession) =>
  atConsole.filter((entry) => entry.session === session).map((entry) => entry.message)

/** Everything a user does with keyboard, mouse and clipboard, in every form noVNC sends it. */
function typeAndClick(client: RfbTestClient) {
  client.key(true, 0x61)
  client.key(false, 0x61)
  client.qemuKey(true, 0x62, 0x30)
  client.qemuKey(false, 0x62, 0x30)
  client.pointer(1, 20, 20)
  client.pointer(0, 20, 20)
  client.cutText('pasted text')
  client.xvp(2)
  client.setDesktopSize(640, 480)
}

describe('observers', () => {
  it('answers the console request with the mode', async () => {
    expect((await ticket('observer')).mode).toBe('observe')
    expect((await ticket('alice')).mode).toBe('control')
  })

  it('the VNC server receives no key, pointer, clipboard, QEMU key, XVP or resize from an observer; a controller beside it stays connected and types', async () => {
    const control = await viewer('alice')
    const observer = await viewer('observer')
    typeAndClick(observer.client)
    // The observer still sees the screen.
    observer.client.requestUpdate(false, { x: 0, y: 0, width: 32, height: 32 })
    await observer.client.readUpdate()
    typeAndClick(control.client)
    control.client.requestUpdate(false, { x: 0, y: 0, width: 8, height: 8 })
    await control.client.readUpdate()

    const fromObserver = received(observer.session)
    expect(fromObserver.filter((message) => INPUT.has(message.type))).toEqual([])
    expect(fromObserver.map((message) => message.type)).toContain('framebufferUpdateRequest')
    // The same messages from the controller all arrived: the count above is not an accident.
    const fromControl = received(control.session).map((message) => message.type)
    for (const type of ['key', 'qemuKey', 'pointer', 'clientCutText', 'xvp', 'setDesktopSize'])
      expect(fromControl).toContain(type)
    expect(control.client.isClosed).toBe(false)
    expect(observer.session.shared).toBe(true)

    // Audited: the observer's paste and keys as dropped, the controller's as delivered.
    const id = events.find(
      (event) => event.type === 'session.start' && event.user === 'observer',
    ) as { sessionId: string } | undefined
    const observed = events.filter(
      (event) => (event as { sessionId?: string }).sessionId === id?.sessionId,
    )
    expect(observed.filter((event) => event.type === 'clipboard')).toEqual([
      expect.objectContaining({ length: 11, dropped: true, mode: 'observe' }),
    ])
    expect(observed.filter((event) => event.type === 'key')).toHaveLength(4)
    expect(JSON.stringify(events)).not.toContain('pasted text')
    control.client.close()
    observer.client.close()
  })
})

describe('the shared flag', () => {
  it('is forced to 1: a ClientInit asking for an exclusive session cannot end the others', async () => {
    const other = await viewer('alice')
    const greedy = await viewer('mallory', false)
    expect(received(greedy.session)).toContainEqual({ type: 'clientInit', shared: true })
    expect(greedy.session.shared).toBe(true)
    expect(other.client.isClosed).toBe(false)
    other.client.close()
    greedy.client.close()
  })

  it('is left as the client sent it for a user authorize marks exclusive', async () => {
    const boss = await viewer('boss', false)
    expect(boss.session.shared).toBe(false)
    boss.client.close()
  })
})

describe('a browser that breaks the RFB protocol', () => {
  /** A raw websocket through the gateway, after a None/VNC-auth handshake done by hand. */
  async function rawViewer(user: string) {
    const { url } = await ticket(user)
    const session = cloud.vncServers.get(SERVER)!.nextSession()
    const client = await portal.open(url)
    const version = await client.waitFor(12)
    client.ws.send(version)
    const types = await client.waitFor(13)
    expect(types[12]).toBe(1)
    const offered = await client.waitFor(13 + types[12]!)
    expect(offered[13]).toBe(1) // None: the built-in server of this ECS VM has no password
    client.ws.send(Buffer.of(1))
    await client.waitFor(18)
    client.ws.send(Buffer.of(1))
    await client.waitFor(18 + 24)
    return { ...client, session: await session }
  }

  it('is cut off with 4400 when it sends a message type RFB does not have; nothing reaches the console', async () => {
    const { ws, closed, session } = await rawViewer('garbler')
    ws.send(Buffer.from([5, 0, 0, 1, 0, 1]))
    ws.send(Buffer.from([5, 0, 0, 2, 0, 2, 0x99, 1, 2, 3, 4, 5, 6, 7]))
    expect(await closed).toBe(4400)
    // The pointer event before arrived; nothing of the message with the garbage did.
    expect(received(session)).toEqual([
      { type: 'clientInit', shared: true },
      { type: 'pointer', buttonMask: 0, x: 1, y: 1 },
    ])
    await expect
      .poll(() => events.find((event) => event.type === 'session.end' && event.user === 'garbler'))
      .toMatchObject({
        closedBy: 'gateway',
        closeCode: 4400,
        reason: 'browser cut off',
        protocolError: expect.stringMatching(/type 153|153/),
      })
  })

  it('is cut off with 4400 when it sends a text frame', async () => {
    const { ws, closed, session } = await rawViewer('texter')
    ws.send('hello')
    expect(await closed).toBe(4400)
    expect(received(session)).toEqual([{ type: 'clientInit', shared: true }])
  })
})
