// Observers and the shared flag against a real QEMU (issue 18 §5): QEMU disconnects every other
// viewer when a client's ClientInit asks for an exclusive session (shared=0), and the gateway
// now forces the flag for every user `authorize` does not mark `exclusive`. An observer's keys,
// QEMU keys, pointer and clipboard are counted where they would land: in a tap between the fake
// cloud's console proxy and QEMU. Fails on the old gateway: the observer's input arrived and
// one shared=0 ClientInit ended the other viewer's session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultInventory } from '../../../fake-cloud/defaultInventory.ts'
import { createClientStreamTap } from '../../../fake-cloud/rfb/createClientStreamTap.ts'
import type { RfbClientMessage } from '../../../fake-cloud/rfb/RfbClientMessage.ts'
import { RfbTestClient } from '../../../fake-cloud/rfb/RfbTestClient.ts'
import { startFakeCloud } from '../../../fake-cloud/startFakeCloud.ts'
import type { FakeCloudHandle } from '../../../fake-cloud/types.ts'
import type { ConsoleGatewayOptions } from '../../../src/server/types.js'
import { startQemu, type QemuMachine } from '../../support/e2eServers.ts'
import { stopAllProcesses } from '../../support/managedProcess.ts'
import { startGatewayServer } from './startGatewayServer.js'

const PROJECT = '13c67a214ced4afb88d911ae4bd5721a'
const SERVER = '47bc79ae-df61-4ade-9197-283a74e5d70e'
const ECS = { provider: 'ecs', serverId: SERVER }
const QEMU_EXTENDED_KEY = -258
const INPUT = new Set(['key', 'qemuKey', 'pointer', 'clientCutText'])

let qemu: QemuMachine
let cloud: FakeCloudHandle
let portal: Awaited<ReturnType<typeof startGatewayServer>>
/** What QEMU received on each console connection, in the order they were opened. */
const connections: { messages: RfbClientMessage[]; error: () => string | undefined }[] = []

const authorize: ConsoleGatewayOptions['authorize'] = (request) => {
  const user = request.headers['x-user'] ?? 'alice'
  if (user === 'observer') return { user, mode: 'observe' }
  if (user === 'boss') return { user, exclusive: true }
  return { user }
}

beforeAll(async () => {
  qemu = await startQemu()
  const target = `127.0.0.1:${qemu.vncPort}`
  const inventory = defaultInventory(target)
  for (const server of inventory.ecs.servers) {
    server.vnc = target
    delete server.vncPassword
  }
  cloud = await startFakeCloud({
    inventory,
    vncTarget: null,
    tapConsole: () => {
      const messages: RfbClientMessage[] = []
      const tap = createClientStreamTap((message) => messages.push(message))
      connections.push({ messages, error: () => tap.error })
      return (chunk) => tap.push(chunk)
    },
  })
  portal = await startGatewayServer({
    authorize,
    logger: { error: () => {}, warn: () => {} },
    providers: { ecs: { endpoint: cloud.url, projectId: PROJECT, authToken: 'fake-ecs-token' } },
  })
}, 60_000)
afterAll(async () => {
  await portal?.close()
  await cloud?.close()
  await qemu?.stop()
  await stopAllProcesses()
})

/** A viewer through the gateway, handshake done, QEMU key events announced, one update read. */
async function viewer(user: string, shared = true) {
  const response = await fetch(`${portal.url}/consoles`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: portal.url, 'x-user': user },
    body: JSON.stringify(ECS),
  })
  expect(response.status).toBe(200)
  const { url } = (await response.json()) as { url: string }
  const index = connections.length
  const client = await RfbTestClient.connectWebSocket(`${portal.url.replace('http', 'ws')}${url}`)
  await client.handshake({ shared })
  client.setEncodings([0, QEMU_EXTENDED_KEY])
  await expect.poll(() => connections.length).toBeGreaterThan(index)
  return { client, atQemu: connections[index]! }
}

/** Asks for a full update and reads messages until it arrives: the viewer is alive. */
async function stillSees(client: RfbTestClient) {
  client.requestUpdate(false, { x: 0, y: 0, width: 16, height: 16 })
  for (;;) {
    const message = await client.readMessage(10_000)
    if (message.type === 'update' && message.rects.some((rect) => rect.encoding === 0)) return
  }
}

describe('observers and the shared flag against QEMU', () => {
  it('QEMU receives no key, QEMU key, pointer or clipboard from an observer; the other viewer stays', async () => {
    const control = await viewer('alice')
    await stillSees(control.client)
    const observer = await viewer('observer')
    await stillSees(observer.client)
    for (const client of [observer.client, control.client]) {
      client.key(true, 0xff1b)
      client.key(false, 0xff1b)
      client.qemuKey(true, 0xff1b, 0x01)
      client.qemuKey(false, 0xff1b, 0x01)
      client.pointer(1, 10, 10)
      client.pointer(0, 10, 10)
      client.cutText('observer paste')
    }
    await stillSees(observer.client)
    await stillSees(control.client)
    await expect.poll(() => control.atQemu.messages.filter((m) => INPUT.has(m.type)).length).toBe(7)
    expect(observer.atQemu.messages.filter((m) => INPUT.has(m.type))).toEqual([])
    expect(observer.atQemu.error()).toBeUndefined()
    expect(control.client.isClosed).toBe(false)
    control.client.close()
    observer.client.close()
  })

  it('a ClientInit with shared=0 no longer disconnects the other viewers', async () => {
    const other = await viewer('alice')
    await stillSees(other.client)
    const greedy = await viewer('mallory', false)
    await stillSees(greedy.client)
    await stillSees(other.client)
    expect(other.client.isClosed).toBe(false)
    greedy.client.close()
    other.client.close()
  })

  it('(the oracle) QEMU does disconnect the others for a user authorize marks exclusive', async () => {
    const other = await viewer('alice')
    await stillSees(other.client)
    const boss = await viewer('boss', false)
    await stillSees(boss.client)
    await expect.poll(() => other.client.isClosed, { timeout: 10_000 }).toBe(true)
    boss.client.close()
  })

  it('a client that sends a malformed message is closed, and QEMU never sees it', async () => {
    const client = await viewer('mallory')
    await stillSees(client.client)
    client.client.write([0x07, 1, 2, 3])
    await client.client.closed
    expect(client.atQemu.error()).toBeUndefined()
  })
})
