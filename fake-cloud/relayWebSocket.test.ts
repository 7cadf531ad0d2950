import { randomBytes } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { startFakeCloud } from './startFakeCloud.ts'
import { ecsSocketUrl, requestFakeEcsConsole } from '../test/support/console/node/index.ts'
import { connectConsole } from './testing/connectConsole.ts'
import { startTcpFixture } from './testing/startTcpFixture.ts'
import type { FakeCloudHandle } from './types.ts'

// Console websockets end to end: real HTTP credentials, real websockets, a TCP fixture as VNC server.

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function setup(fixtureOptions: Parameters<typeof startTcpFixture>[0] = {}) {
  const vnc = await startTcpFixture(fixtureOptions)
  cleanups.push(vnc.close)
  const cloud = await startFakeCloud({ vncTarget: vnc.target })
  cleanups.push(cloud.close)
  return { vnc, cloud, ws: cloud.url.replace(/^http/, 'ws') }
}

interface Vnc {
  raw_token: string
  token: string
  vm_uuid: string
  host_ip: string
  cluster_ip: string
}

async function cloudTowerVnc(cloud: FakeCloudHandle, id = 'vm-ubuntu-01'): Promise<Vnc> {
  const response = await fetch(`${cloud.url}/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'fake-cloudtower-admin-token' },
    body: JSON.stringify({
      operationName: 'vnc',
      variables: { input: { vm: { id } } },
      query:
        'query vnc($input: VncInput!) { vnc(input: $input) { vm_uuid host_ip cluster_ip raw_token token}}',
    }),
  })
  return ((await response.json()) as { data: { vnc: Vnc } }).data.vnc
}

async function ecsSocket(cloud: FakeCloudHandle) {
  const url = await requestFakeEcsConsole(cloud.url)
  return ecsSocketUrl(url, cloud.url)
}

// Direct form (the cluster's own /websockify/, port overridden to the fake's) and proxy form.
const direct = (ws: string, v: Vnc) =>
  `${ws}/websockify/?uuid=${v.vm_uuid}&token=${v.raw_token}&host=${v.host_ip}`
const proxy = (ws: string, v: Vnc) =>
  `${ws}/websockify/?token=${encodeURIComponent(v.token)}&host=${v.host_ip}&uuid=${v.vm_uuid}`

const rejectedStatus = (url: string) =>
  connectConsole(url).then(
    ({ ws }) => {
      ws.terminate()
      return 101
    },
    (error: { status?: number }) => error.status,
  )

describe('console relay', () => {
  it.each([
    ['CloudTower direct', 'direct'],
    ['CloudTower proxy', 'proxy'],
    ['ECS', 'ecs'],
  ])('relays a %s link byte-exactly both ways, > 1 MB each', async (_, form) => {
    const greeting = randomBytes(2 * 1024 * 1024 + 7)
    const { cloud, vnc, ws } = await setup({ greeting })
    const url =
      form === 'ecs'
        ? await ecsSocket(cloud)
        : form === 'direct'
          ? direct(ws, await cloudTowerVnc(cloud))
          : proxy(ws, await cloudTowerVnc(cloud))
    const client = await connectConsole(url)
    expect(client.ws.protocol).toBe('binary')

    // Browser → VNC: many message sizes, including one large message.
    const upload = randomBytes(1536 * 1024 + 3)
    let offset = 0
    for (const size of [1, 12, 4096, 65536, 1_000_000]) {
      client.ws.send(upload.subarray(offset, offset + size))
      offset += size
    }
    client.ws.send(upload.subarray(offset))
    await vnc.waitForReceived(upload.length)
    expect(vnc.received().equals(upload)).toBe(true)

    // VNC → browser.
    const received = await client.waitForBytes(greeting.length)
    expect(received.equals(greeting)).toBe(true)

    expect(cloud.stats).toMatchObject({ activeRelays: 1, redeemedTokens: 1 })
    expect(cloud.stats.bytesToVnc).toBe(upload.length)
    expect(cloud.stats.bytesFromVnc).toBe(greeting.length)
    client.ws.close()
    await client.closed
    await expect.poll(() => cloud.stats.activeRelays).toBe(0)
  })

  it('echoes 3 MB of random bytes unchanged through a TCP echo server', async () => {
    const { cloud, ws } = await setup({ echo: true })
    const client = await connectConsole(direct(ws, await cloudTowerVnc(cloud)))
    const payload = randomBytes(3 * 1024 * 1024)
    for (let i = 0; i < payload.length; i += 300_000) {
      client.ws.send(payload.subarray(i, i + 300_000))
    }
    const received = await client.waitForBytes(payload.length)
    expect(received.length).toBe(payload.length)
    expect(received.equals(payload)).toBe(true)
    client.ws.close()
  })

  it('accepts clients that offer no subprotocol', async () => {
    const { cloud, ws } = await setup({ greeting: Buffer.from('RFB 003.008\n') })
    const client = await connectConsole(direct(ws, await cloudTowerVnc(cloud)), [])
    expect(client.ws.protocol).toBe('')
    expect((await client.waitForBytes(12)).toString()).toBe('RFB 003.008\n')
    client.ws.close()
  })

  it('accepts each CloudTower credential once, whichever form redeems it', async () => {
    const { cloud, ws } = await setup()
    const first = await cloudTowerVnc(cloud)
    const client = await connectConsole(direct(ws, first))
    expect(await rejectedStatus(direct(ws, first))).toBe(403)
    expect(await rejectedStatus(proxy(ws, first))).toBe(403)
    client.ws.close()

    const second = await cloudTowerVnc(cloud)
    const viaProxy = await connectConsole(proxy(ws, second))
    expect(await rejectedStatus(proxy(ws, second))).toBe(403)
    expect(await rejectedStatus(direct(ws, second))).toBe(403)
    viaProxy.ws.close()
    expect(cloud.stats).toMatchObject({ issuedTokens: 2, redeemedTokens: 2, rejectedUpgrades: 4 })
  })

  it('accepts each ECS token once', async () => {
    const { cloud } = await setup()
    const url = await ecsSocket(cloud)
    const client = await connectConsole(url)
    expect(await rejectedStatus(url)).toBe(403)
    client.ws.close()
  })

  it('refuses mismatched uuid or host without spending the token', async () => {
    const { cloud, ws } = await setup()
    const v = await cloudTowerVnc(cloud)
    expect(await rejectedStatus(direct(ws, { ...v, host_ip: '10.9.9.9' }))).toBe(403)
    expect(await rejectedStatus(direct(ws, { ...v, vm_uuid: 'x' }))).toBe(403)
    expect(
      await rejectedStatus(
        `${ws}/websockify/?token=${v.token}&host=${v.host_ip}&uuid=${v.vm_uuid}`,
      ),
    ).toBe(403)
    const client = await connectConsole(proxy(ws, v))
    client.ws.close()
  })

  it('closes the websocket with 1000 when the VNC server hangs up', async () => {
    const { cloud, vnc, ws } = await setup()
    const client = await connectConsole(direct(ws, await cloudTowerVnc(cloud)))
    await expect.poll(() => vnc.connections.length).toBe(1)
    vnc.connections[0]?.socket.end()
    expect((await client.closed).code).toBe(1000)
    await expect.poll(() => cloud.stats.activeRelays).toBe(0)
  })

  it('closes the websocket with 1011 when the VNC server is unreachable', async () => {
    const vnc = await startTcpFixture()
    await vnc.close() // a port that nobody listens on any more
    const cloud = await startFakeCloud({ vncTarget: vnc.target })
    cleanups.push(cloud.close)
    const client = await connectConsole(
      direct(cloud.url.replace(/^http/, 'ws'), await cloudTowerVnc(cloud)),
    )
    expect((await client.closed).code).toBe(1011)
  })

  it('ends the VNC connection when the browser closes, after delivering its last bytes', async () => {
    const { cloud, vnc, ws } = await setup()
    const client = await connectConsole(direct(ws, await cloudTowerVnc(cloud)))
    client.ws.send(Buffer.from('bye'))
    client.ws.close()
    await expect.poll(() => vnc.received().toString()).toBe('bye')
    await expect.poll(() => vnc.connections[0]?.socket.readableEnded).toBe(true)
  })

  it("relays to each VM's own target when no override is set", async () => {
    const vnc = await startTcpFixture({ greeting: Buffer.from('own target') })
    cleanups.push(vnc.close)
    const cloud = await startFakeCloud({ vncTarget: null })
    cleanups.push(cloud.close)
    const vm = cloud.inventory.cloudTower.vms[0]
    if (vm) vm.vnc = vnc.target
    const client = await connectConsole(
      direct(cloud.url.replace(/^http/, 'ws'), await cloudTowerVnc(cloud)),
    )
    expect((await client.waitForBytes(10)).toString()).toBe('own target')
    client.ws.close()
  })
})
