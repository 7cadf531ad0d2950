// The gateway's `record` option (issue 18 §2) over real HTTP and websockets against the fake
// cloud's RFB server, and a leak scan over everything audit and recording wrote (§1, §2): the
// console's stream is recorded byte for byte (the greeting that came before the browser too),
// the browser's messages without keys or clipboard unless `auditKeys`; a failing sink leaves the
// console working and `session.end` says the recording is incomplete. Fails on the old gateway,
// which had neither `record` nor `audit`.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WebSocket } from 'ws'
import { defaultInventory } from '../../../fake-cloud/defaultInventory.ts'
import { vncAuthResponse } from '../../../fake-cloud/rfb/vncAuthResponse.ts'
import { startFakeCloud } from '../../../fake-cloud/startFakeCloud.ts'
import type { FakeCloudHandle } from '../../../fake-cloud/types.ts'
import { readRecording } from '../../../src/react/replay/readRecording.js'
import { createJsonLinesAuditSink } from '../../../src/server/audit/createJsonLinesAuditSink.js'
import { createFileRecordingSink } from '../../../src/server/recording/createFileRecordingSink.js'
import type { ConsoleGatewayOptions } from '../../../src/server/types.js'
import { startGatewayServer } from './startGatewayServer.js'

// Real-looking secrets: what a leak would look like in the files.
const ADMIN_PASSWORD = 'Sm4rtX!Adm1n-2026-q7'
const SESSION_TOKEN = '9f3c2a7be1d04c8f9a6b5e2d7c1f0a3b8e4d6c2a'
const VNC_PASSWORD = 'Vnc9pQ2x'
const CLIPBOARD = 'db-password: hunter2-Prod-9931'
const TYPED = 'Typed-Passw0rd!'
const VM = 'vm-windows-01'

let cloud: FakeCloudHandle
let dir: string
/** The one-time console tokens the gateway redeemed at the cloud (seen at its upgrade). */
const consoleTokens: string[] = []
/** Tickets the browser got. */
const tickets: string[] = []

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rvc-recorded-'))
  const inventory = defaultInventory()
  const admin = inventory.cloudTower.users[0]!
  admin.password = ADMIN_PASSWORD
  admin.sessionToken = SESSION_TOKEN
  inventory.cloudTower.vms.find((vm) => vm.id === VM)!.vncPassword = VNC_PASSWORD
  cloud = await startFakeCloud({ builtInVnc: true, inventory })
  cloud.server.prependListener('upgrade', (request: { url?: string }) => {
    const url = new URL(request.url ?? '/', cloud.url)
    for (const value of url.searchParams.values()) consoleTokens.push(value)
  })
})
afterAll(async () => {
  await cloud.close()
  await rm(dir, { recursive: true, force: true })
})

async function recordingGateway(name: string, extra: Partial<ConsoleGatewayOptions> = {}) {
  const auditPath = join(dir, `${name}.audit.jsonl`)
  const audit = createJsonLinesAuditSink({ path: auditPath })
  const recordings = join(dir, name)
  const portal = await startGatewayServer({
    authorize: () => ({ user: 'alice' }),
    logger: { error: () => {}, warn: () => {} },
    audit,
    record: { sink: createFileRecordingSink({ directory: recordings }) },
    providers: {
      cloudtower: { endpoint: cloud.url, username: 'admin', password: ADMIN_PASSWORD },
    },
    ...extra,
  })
  const events = async () =>
    (await readFile(auditPath, 'utf8').catch(() => ''))
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>)
  return { portal, audit, auditPath, recordings, events }
}

/** A raw console: VNC auth done by hand, then what the test sends; resolves with all it got. */
async function session(
  portal: Awaited<ReturnType<typeof startGatewayServer>>,
  send: (ws: WebSocket) => void,
) {
  const answer = await portal.ask({ provider: 'cloudtower', vmId: VM })
  tickets.push(new URL(answer.body.url, portal.url).searchParams.get('ticket') ?? '')
  const client = await portal.open(answer.body.url)
  client.ws.send(await client.waitFor(12).then((b) => b.subarray(0, 12)))
  const types = await client.waitFor(14)
  expect(types[12]).toBe(1)
  expect(types[13]).toBe(2) // VNC Authentication
  client.ws.send(Buffer.of(2))
  const challenge = (await client.waitFor(30)).subarray(14, 30)
  client.ws.send(Buffer.from(vncAuthResponse(VNC_PASSWORD, challenge)))
  await client.waitFor(34)
  client.ws.send(Buffer.of(1))
  const init = await client.waitFor(34 + 24)
  await client.waitFor(34 + 24 + init.readUInt32BE(34 + 20))
  send(client.ws)
  // An update, so there is a frame after the handshake.
  client.ws.send(Buffer.of(3, 0, 0, 0, 0, 0, 0, 32, 0, 32))
  const before = client.received().length
  await client.waitFor(before + 32 * 32 * 4)
  client.ws.close()
  await client.closed
  return client.received()
}

const keys = (text: string) =>
  [...text].flatMap((char) => [
    Buffer.of(4, 1, 0, 0, 0, 0, 0, char.charCodeAt(0)),
    Buffer.of(4, 0, 0, 0, 0, 0, 0, char.charCodeAt(0)),
  ])
const cutText = (text: string) => {
  const head = Buffer.alloc(8)
  head.writeUInt8(6, 0)
  head.writeUInt32BE(text.length, 4)
  return Buffer.concat([head, Buffer.from(text, 'latin1')])
}

async function onlyRecording(directory: string) {
  const files = await readdir(directory)
  expect(files).toHaveLength(1)
  expect(files[0]).toMatch(/\.rvcrec$/)
  return readRecording(new Uint8Array(await readFile(join(directory, files[0]!))))
}

describe('recorded sessions', () => {
  it('records the console stream exactly and the browser without keys or clipboard; session.end says complete', async () => {
    const { portal, audit, recordings, events } = await recordingGateway('plain')
    try {
      const received = await session(portal, (ws) => {
        ws.send(Buffer.of(5, 1, 0, 10, 0, 10))
        for (const key of keys(TYPED)) ws.send(key)
        ws.send(cutText(CLIPBOARD))
      })
      await expect
        .poll(async () => (await events()).find((event) => event.type === 'session.end'))
        .toMatchObject({ recording: { complete: true, bytes: expect.any(Number) } })
      const recording = await onlyRecording(recordings)
      expect(recording.complete).toBe(true)
      expect(recording.session).toMatchObject({ user: 'alice', vmId: VM, mode: 'control' })
      const fromServer = Buffer.concat(
        recording.frames.filter((f) => f.direction === 'server').map((f) => f.data),
      )
      // The greeting arrived before the browser was attached: it is there too.
      expect(fromServer.equals(received)).toBe(true)
      const fromClient = recording.frames.filter((f) => f.direction === 'client')
      expect(fromClient.map((f) => f.data[0])).toEqual([5, 3])
      await audit.close()
    } finally {
      await portal.close()
    }
  })

  it('with auditKeys, records the keys and clipboard too', async () => {
    const { portal, recordings, events } = await recordingGateway('keys', { auditKeys: true })
    try {
      await session(portal, (ws) => {
        for (const key of keys('ab')) ws.send(key)
        ws.send(cutText('x'))
      })
      await expect
        .poll(async () => (await events()).some((event) => event.type === 'session.end'))
        .toBe(true)
      const recording = await onlyRecording(recordings)
      const fromClient = recording.frames.filter((f) => f.direction === 'client')
      expect(fromClient.map((f) => f.data[0])).toEqual([4, 4, 4, 4, 6, 3])
    } finally {
      await portal.close()
    }
  })

  it('a sink that fails leaves the console working; session.end says the recording is incomplete', async () => {
    const { portal, events } = await recordingGateway('failing', {
      record: {
        sink: () => ({
          write: () => Promise.reject(new Error('bucket gone')),
          close: () => Promise.resolve(),
          abort: () => Promise.resolve(),
        }),
      },
    })
    try {
      const received = await session(portal, () => {})
      expect(received.length).toBeGreaterThan(32 * 32 * 4)
      await expect
        .poll(async () => (await events()).find((event) => event.type === 'session.end'))
        .toMatchObject({ recording: { complete: false, reason: 'sink failed' } })
    } finally {
      await portal.close()
    }
  })
})

describe('leak scan', () => {
  it('no token, ticket, password, signature or clipboard text in any audit line or recording', async () => {
    const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) =>
      entry.isFile(),
    )
    expect(files.length).toBeGreaterThanOrEqual(5)
    const texts = await Promise.all(
      files.map((entry) => readFile(join(entry.parentPath, entry.name), 'latin1')),
    )
    const everything = texts.join('\n')
    expect(tickets.filter(Boolean)).toHaveLength(3)
    expect(consoleTokens.length).toBeGreaterThanOrEqual(3)
    for (const secret of [
      ADMIN_PASSWORD,
      SESSION_TOKEN,
      VNC_PASSWORD,
      CLIPBOARD,
      TYPED,
      ...tickets,
      ...consoleTokens,
    ]) {
      expect(everything).not.toContain(secret)
      expect(everything).not.toContain(encodeURIComponent(secret))
    }
    expect(everything).not.toMatch(/Signature=|token=|ticket=/i)
  })
})
