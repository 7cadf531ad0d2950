import { spawnSync } from 'node:child_process'
import { request } from 'node:http'
import { createConnection } from 'node:net'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { RfbHandshakeError } from './rfb/RfbHandshakeError.ts'
import { RfbTestClient } from './rfb/RfbTestClient.ts'
import { startFakeCloud } from './startFakeCloud.ts'
import { ecsSocketUrl, requestFakeEcsConsole } from '../test/support/console/node/index.ts'
import { connectConsole } from './testing/connectConsole.ts'
import { startTcpFixture } from './testing/startTcpFixture.ts'
import type { FakeCloudHandle } from './types.ts'

const [major = 0, minor = 0] = process.versions.node.split('.').map(Number)
// The leak check runs a .ts file under plain node: type stripping is default from Node 22.18.
const strips = major > 22 || (major === 22 && minor >= 18)

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function setup() {
  const vnc = await startTcpFixture({ greeting: Buffer.from('RFB 003.008\n') })
  cleanups.push(vnc.close)
  const cloud = await startFakeCloud({ vncTarget: vnc.target })
  cleanups.push(cloud.close)
  return { vnc, cloud }
}

const VNC_BODY = JSON.stringify({
  operationName: 'vnc',
  variables: { input: { vm: { id: 'vm-ubuntu-01' } } },
  query:
    'query vnc($input: VncInput!) { vnc(input: $input) { vm_uuid host_ip cluster_ip raw_token token}}',
})

const vncRequest = (cloud: FakeCloudHandle) =>
  fetch(`${cloud.url}/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'fake-cloudtower-admin-token' },
    body: VNC_BODY,
  })

async function consoleUrl(cloud: FakeCloudHandle) {
  const { data } = (await (await vncRequest(cloud)).json()) as {
    data: { vnc: { raw_token: string; vm_uuid: string; host_ip: string } }
  }
  const ws = cloud.url.replace(/^http/, 'ws')
  return `${ws}/websockify/?uuid=${data.vnc.vm_uuid}&token=${data.vnc.raw_token}&host=${data.vnc.host_ip}`
}

const fakeApi = async (cloud: FakeCloudHandle, path: string, body?: unknown) => {
  const response = await fetch(`${cloud.url}/__fake/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  return { status: response.status, json: (await response.json()) as Record<string, unknown> }
}

describe('startFakeCloud', () => {
  it('refuses a powerDelayMs that is no duration', async () => {
    for (const powerDelayMs of [-1, Number.NaN, Infinity]) {
      await expect(startFakeCloud({ vncTarget: null, powerDelayMs })).rejects.toThrow(
        'powerDelayMs',
      )
    }
  })

  it('listens on 127.0.0.1 by default and reports health with stats', async () => {
    const { cloud } = await setup()
    expect(cloud.host).toBe('127.0.0.1')
    expect(cloud.url).toBe(`http://127.0.0.1:${cloud.port}`)
    const { status, json } = await fakeApi(cloud, 'health')
    expect(status).toBe(200)
    expect(json).toMatchObject({ ok: true, url: cloud.url, stats: { issuedTokens: 0 } })
  })

  it('answers CORS preflights', async () => {
    const { cloud } = await setup()
    const response = await fetch(`${cloud.url}/api`, { method: 'OPTIONS' })
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    expect(response.headers.get('access-control-allow-headers')).toContain('x-auth-token')
  })

  it('serves the inventory for the demo', async () => {
    const { cloud } = await setup()
    const { json } = await fakeApi(cloud, 'inventory')
    expect(json).toMatchObject({
      clusterIp: '127.0.0.1',
      cloudTower: { vms: expect.any(Array) },
      ecs: { servers: expect.any(Array) },
    })
  })

  it('reads and sets faults over HTTP, and rejects bad patches', async () => {
    const { cloud } = await setup()
    expect((await fakeApi(cloud, 'faults')).json).toMatchObject({ latencyMs: 0, throttle: false })
    const set = await fakeApi(cloud, 'faults', { throttle: true, latencyMs: 5 })
    expect(set.json).toMatchObject({ throttle: true, latencyMs: 5, dropped: 0 })
    expect(cloud.faults.get().throttle).toBe(true)
    expect((await fakeApi(cloud, 'faults', { throttle: 'yes' })).status).toBe(400)
    expect((await fakeApi(cloud, 'faults', { reset: true })).json).toMatchObject({
      throttle: false,
    })
    expect((await fakeApi(cloud, 'nope')).status).toBe(404)
  })

  it('delays API answers and upgrades by latencyMs', async () => {
    const { cloud } = await setup()
    cloud.faults.set({ latencyMs: 150 })
    let started = performance.now()
    await vncRequest(cloud)
    expect(performance.now() - started).toBeGreaterThanOrEqual(140)
    const url = await consoleUrl(cloud)
    started = performance.now()
    const client = await connectConsole(url)
    expect(performance.now() - started).toBeGreaterThanOrEqual(140)
    client.ws.close()
  })

  it('fails the next N API requests with the chosen 5xx, in each cloud’s shape', async () => {
    const { cloud } = await setup()
    await fakeApi(cloud, 'faults', { failNext: 2, failStatus: 502 })
    const first = await vncRequest(cloud)
    expect(first.status).toBe(502)
    expect(await first.json()).toMatchObject({
      data: null,
      errors: [{ code: 'INTERNAL_SERVER_ERROR' }],
    })
    const second = await fetch(
      `${cloud.url}/v1/13c67a214ced4afb88d911ae4bd5721a/cloudservers/47bc79ae-df61-4ade-9197-283a74e5d70e/remote_console`,
      { method: 'POST', headers: { 'x-auth-token': 'fake-ecs-token' }, body: '{}' },
    )
    expect(second.status).toBe(502)
    expect(await second.json()).toMatchObject({ error_code: 'APIGW.0202' })
    expect((await vncRequest(cloud)).status).toBe(200)
    expect(cloud.faults.get().failNext).toBe(0)
  })

  it('throttles CloudTower with HTTP 429', async () => {
    const { cloud } = await setup()
    cloud.faults.set({ throttle: true })
    const response = await vncRequest(cloud)
    expect(response.status).toBe(429)
    expect(await response.json()).toMatchObject({ errors: [{ code: 'TOO_MANY_REQUESTS' }] })
  })

  it('rejects every console token while rejectTokens is on, without spending them', async () => {
    const { cloud } = await setup()
    const url = await consoleUrl(cloud)
    cloud.faults.set({ rejectTokens: true })
    await expect(connectConsole(url)).rejects.toMatchObject({ status: 403 })
    expect(cloud.stats.rejectedUpgrades).toBe(1)
    cloud.faults.set({ rejectTokens: false })
    const client = await connectConsole(url)
    client.ws.close()
  })

  it('drops every live relay on demand: clients see 1006, VNC sockets close', async () => {
    const { cloud, vnc } = await setup()
    const clients = [
      await connectConsole(await consoleUrl(cloud)),
      await connectConsole(await consoleUrl(cloud)),
    ]
    await Promise.all(clients.map((client) => client.waitForBytes(12)))
    expect(cloud.stats.activeRelays).toBe(2)
    const { json } = await fakeApi(cloud, 'faults', { dropConnections: true })
    expect(json.dropped).toBe(2)
    for (const client of clients) expect((await client.closed).code).toBe(1006)
    await expect.poll(() => vnc.connections.every(({ socket }) => socket.destroyed)).toBe(true)
    expect(cloud.stats.activeRelays).toBe(0)
    // The server itself stays up.
    expect((await vncRequest(cloud)).status).toBe(200)
    expect(cloud.faults.dropConnections()).toBe(0)
  })

  it('reports VNC passwords, fault override first, and notifies listeners', async () => {
    const { cloud } = await setup()
    expect(cloud.vncPasswordFor('vm-windows-01')).toBe('secret')
    expect(cloud.vncPasswordFor('vm-ubuntu-01')).toBeUndefined()
    const listener = vi.fn()
    cloud.faults.onChange(listener)
    await fakeApi(cloud, 'faults', { vncPassword: 'chaos' })
    expect(listener).toHaveBeenCalledWith(expect.objectContaining({ vncPassword: 'chaos' }))
    expect(cloud.vncPasswordFor('vm-ubuntu-01')).toBe('chaos')
    expect(cloud.vncPasswordFor('47bc79ae-df61-4ade-9197-283a74e5d70e')).toBe('chaos')
  })

  it('uses DEMO_VNC when no vncTarget is given, and fails fast on a bad one', async () => {
    const vnc = await startTcpFixture({ greeting: Buffer.from('demo') })
    cleanups.push(vnc.close)
    vi.stubEnv('DEMO_VNC', vnc.target)
    try {
      const cloud = await startFakeCloud()
      cleanups.push(cloud.close)
      const client = await connectConsole(await consoleUrl(cloud))
      expect((await client.waitForBytes(4)).toString()).toBe('demo')
      client.ws.close()
      vi.stubEnv('DEMO_VNC', 'nonsense')
      await expect(startFakeCloud()).rejects.toThrow(/Invalid VNC target/)
    } finally {
      vi.unstubAllEnvs()
    }
  })

  it('rejects when the port is taken', async () => {
    const { cloud } = await setup()
    await expect(startFakeCloud({ port: cloud.port, vncTarget: null })).rejects.toThrow(
      /EADDRINUSE/,
    )
  })

  it('close() ends relays, keep-alive and pending requests, and stops listening', async () => {
    const vnc = await startTcpFixture()
    cleanups.push(vnc.close)
    const cloud = await startFakeCloud({ vncTarget: vnc.target })
    const client = await connectConsole(await consoleUrl(cloud))
    await expect.poll(() => vnc.connections.length).toBe(1)

    // A keep-alive connection that sits idle, and a request stuck in a latency fault.
    const agentRequest = new Promise<void>((resolve) => {
      request(`${cloud.url}/__fake/health`, { agent: undefined }, (response) => {
        response.resume()
        response.on('end', resolve)
      }).end()
    })
    await agentRequest
    cloud.faults.set({ latencyMs: 60_000 })
    const stuck = vncRequest(cloud).then(
      () => 'answered',
      () => 'failed',
    )
    await new Promise((resolve) => setTimeout(resolve, 50))

    const started = performance.now()
    await cloud.close()
    expect(performance.now() - started).toBeLessThan(1000)
    expect(cloud.server.listening).toBe(false)
    expect(await stuck).toBe('failed')
    expect((await client.closed).code).toBe(1006)
    await expect.poll(() => vnc.connections[0]?.socket.destroyed).toBe(true)
    expect(cloud.stats.activeRelays).toBe(0)
    await expect(fetch(`${cloud.url}/__fake/health`)).rejects.toThrow()
    await cloud.close() // idempotent
  })

  it.skipIf(!strips)('close() leaves nothing that keeps a process alive', () => {
    const script = fileURLToPath(new URL('./testing/leakCheck.ts', import.meta.url))
    const result = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 10_000 })
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    // PipeWrap: the child's own stdout/stderr pipes to this process.
    const resources = (JSON.parse(result.stdout) as string[]).filter((name) => name !== 'PipeWrap')
    expect(resources).toEqual([])
  })
})

describe('startFakeCloud with built-in VNC', () => {
  async function startBuiltIn() {
    vi.stubEnv('DEMO_VNC', '')
    try {
      const cloud = await startFakeCloud()
      cleanups.push(cloud.close)
      return cloud
    } finally {
      vi.unstubAllEnvs()
    }
  }

  /** The CloudTower proxy link, as buildCloudTowerVncUrl makes it (encoded base64 token). */
  async function proxyLink(cloud: FakeCloudHandle, vmId: string) {
    const response = await fetch(`${cloud.url}/api`, {
      method: 'POST',
      headers: { authorization: 'fake-cloudtower-admin-token' },
      body: VNC_BODY.replace('vm-ubuntu-01', vmId),
    })
    const { vnc } = ((await response.json()) as { data: { vnc: Record<string, string> } }).data
    const ws = cloud.url.replace(/^http/, 'ws')
    return `${ws}/websockify/?token=${encodeURIComponent(vnc.token ?? '')}&host=${vnc.host_ip}&uuid=${vnc.vm_uuid}`
  }

  it('is on by default: every console reaches its own named RFB server through the relay', async () => {
    const cloud = await startBuiltIn()
    expect(cloud.vncServers.size).toBe(6)
    const ubuntu = cloud.vncServers.get('vm-ubuntu-01')
    if (!ubuntu) throw new Error('no built-in server for vm-ubuntu-01')
    const next = ubuntu.nextSession()
    const client = await RfbTestClient.connectWebSocket(await proxyLink(cloud, 'vm-ubuntu-01'))
    const init = await client.handshake()
    expect(init).toMatchObject({ version: 'RFB 003.008\n', name: 'ubuntu-24.04-web' })
    expect([init.width, init.height]).toEqual([1024, 768])
    const session = await next
    client.key(true, 0x61)
    client.cutText('pasted')
    await session.waitUntil((s) => s.keys.length === 1 && s.clientCutTexts.length === 1)
    expect(session.keys[0]).toMatchObject({ down: true, keysym: 0x61 })
    expect(ubuntu.sessions).toHaveLength(1)
    expect(cloud.stats.activeRelays).toBe(1)
    client.close()
    await expect.poll(() => ubuntu.sessions.length).toBe(0)

    // ECS: the URL's token, on the socket path Nova's proxy uses.
    const url = await requestFakeEcsConsole(cloud.url)
    const ecs = await RfbTestClient.connectWebSocket(ecsSocketUrl(url, cloud.url))
    expect((await ecs.handshake()).name).toBe('ecs-web-01')
    ecs.close()

    const { json } = await fakeApi(cloud, 'inventory')
    expect(json).toMatchObject({ vncTarget: null, builtInVnc: true })
    const listed = (await fakeApi(cloud, 'vnc')).json.servers as { id: string }[]
    expect(listed.map((server) => server.id)).toEqual([...cloud.vncServers.keys()])
    expect(listed[1]).toMatchObject({
      id: 'vm-windows-01',
      desktopName: 'windows-server-2022',
      passwordRequired: true,
    })
  })

  it('the vncPassword fault makes new sessions ask for VNC authentication', async () => {
    const cloud = await startBuiltIn()
    const before = await RfbTestClient.connectWebSocket(await proxyLink(cloud, 'vm-ubuntu-01'))
    expect((await before.handshake()).securityTypes).toEqual([1])

    await fakeApi(cloud, 'faults', { vncPassword: 'chaos' })
    const refused = await RfbTestClient.connectWebSocket(await proxyLink(cloud, 'vm-ubuntu-01'))
    const failure = await refused.handshake().catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(RfbHandshakeError)
    const allowed = await RfbTestClient.connectWebSocket(await proxyLink(cloud, 'vm-ubuntu-01'))
    expect((await allowed.handshake({ password: 'chaos' })).securityTypes).toEqual([2])
    // The fault overrides a VM's own password too.
    const windows = await RfbTestClient.connectWebSocket(await proxyLink(cloud, 'vm-windows-01'))
    await windows.handshake({ password: 'chaos' })
    // A session that got in before the fault stays in.
    expect(before.isClosed).toBe(false)

    cloud.faults.reset()
    const open = await RfbTestClient.connectWebSocket(await proxyLink(cloud, 'vm-ubuntu-01'))
    expect((await open.handshake()).securityTypes).toEqual([1])
    for (const client of [before, allowed, windows, open]) client.close()
  })

  it('close() stops the built-in servers too', async () => {
    const cloud = await startBuiltIn()
    const ubuntu = cloud.vncServers.get('vm-ubuntu-01')
    const client = await RfbTestClient.connectWebSocket(await proxyLink(cloud, 'vm-ubuntu-01'))
    await client.handshake()
    const target = cloud.inventory.cloudTower.vms[0]?.vnc ?? ''
    await cloud.close()
    await client.closed
    expect(ubuntu?.sessions).toEqual([])
    const [host, port] = target.split(':')
    const reachable = await new Promise<boolean>((resolve) => {
      const socket = createConnection(Number(port), host)
      socket.once('connect', () => {
        socket.destroy()
        resolve(true)
      })
      socket.once('error', () => resolve(false))
    })
    expect(reachable).toBe(false)
  })

  it('is off with a vncTarget (even null) or DEMO_VNC, and refuses both at once', async () => {
    const vnc = await startTcpFixture()
    cleanups.push(vnc.close)
    const own = await startFakeCloud({ vncTarget: null })
    cleanups.push(own.close)
    expect(own.vncServers.size).toBe(0)
    expect(own.inventory.cloudTower.vms[0]?.vnc).toBe('127.0.0.1:5900')
    await expect(startFakeCloud({ builtInVnc: true, vncTarget: vnc.target })).rejects.toThrow(
      /exclude each other/,
    )
    vi.stubEnv('DEMO_VNC', vnc.target)
    try {
      const fromEnv = await startFakeCloud()
      cleanups.push(fromEnv.close)
      expect(fromEnv.vncServers.size).toBe(0)
      const forced = await startFakeCloud({ builtInVnc: true })
      cleanups.push(forced.close)
      expect(forced.vncServers.size).toBe(6)
    } finally {
      vi.unstubAllEnvs()
    }
  })

  it('stops its VNC servers when the port is taken', async () => {
    const cloud = await startBuiltIn()
    await expect(startFakeCloud({ port: cloud.port, builtInVnc: true })).rejects.toThrow(
      /EADDRINUSE/,
    )
  })
})
