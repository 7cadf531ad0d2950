import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { createServer } from 'vite'
import type { ViteDevServer } from 'vite'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { RfbTestClient } from '../fake-cloud/rfb/RfbTestClient.ts'
import { upgradeStatus } from '../test/support/console/node/index.js'
import { fakeCloudPlugin } from './fakeCloudPlugin.ts'
import type { DemoConfig } from './fakeCloudPlugin.ts'

const configFile = fileURLToPath(new URL('./vite.config.ts', import.meta.url))

let vite: ViteDevServer | undefined
// DEMO_VNC in the developer's shell would replace the built-in VNC servers these tests talk to.
beforeEach(() => {
  vi.stubEnv('DEMO_VNC', '')
})
afterEach(async () => {
  await vite?.close()
  vite = undefined
  vi.unstubAllEnvs()
})

async function startDemo() {
  vite = await createServer({
    configFile,
    logLevel: 'silent',
    server: { port: 0 },
    // The page's own modules are not what is tested; keep Vite from pre-bundling them.
    optimizeDeps: { noDiscovery: true, include: [] },
  })
  await vite.listen()
  const { port } = vite.httpServer?.address() as AddressInfo
  return { vite, origin: `http://127.0.0.1:${port}` }
}

const VNC_QUERY =
  'query vnc($input: VncInput!) { vnc(input: $input) { vm_uuid host_ip cluster_ip raw_token token}}'

describe('fakeCloudPlugin', () => {
  it('runs the fake cloud behind the dev server, same-origin, and stops it with the server', async () => {
    const { vite: server, origin } = await startDemo()

    const config = (await (await fetch(`${origin}/__demo/config`)).json()) as DemoConfig
    expect(config).toMatchObject({
      fakeCloudUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      cloudTower: {
        endpoint: '/tower',
        username: 'admin',
        password: 'admin123',
        token: 'fake-cloudtower-admin-token',
      },
      ecs: {
        endpoint: '/ecs',
        projectId: '13c67a214ced4afb88d911ae4bd5721a',
        authToken: 'fake-ecs-token',
      },
      fakeApi: '/__fake',
    })
    expect(config.cloudTower.vms[1]).toMatchObject({
      id: 'vm-windows-01',
      vncPassword: 'secret',
    })

    // CloudTower GraphQL through /tower/api.
    const answer = await fetch(`${origin}${config.cloudTower.endpoint}/api`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: config.cloudTower.token },
      body: JSON.stringify({
        operationName: 'vnc',
        query: VNC_QUERY,
        variables: { input: { vm: { id: 'vm-ubuntu-01' } } },
      }),
    })
    expect(answer.status).toBe(200)
    const { data } = (await answer.json()) as { data: { vnc: Record<string, string> } }
    expect(data.vnc).toEqual({
      vm_uuid: '00000000-0000-0000-0000-000000000000',
      host_ip: '192.168.5.4',
      cluster_ip: '127.0.0.1',
      raw_token: expect.stringMatching(/^[0-9a-f]{32}$/),
      token: expect.any(String),
    })

    // The proxy-form console link, through Vite's websocket proxy, to the VM's built-in screen.
    const wsOrigin = origin.replace(/^http/, 'ws')
    const link = `${wsOrigin}/tower/websockify/?token=${encodeURIComponent(data.vnc.token ?? '')}&host=${data.vnc.host_ip}&uuid=${data.vnc.vm_uuid}`
    const client = await RfbTestClient.connectWebSocket(link)
    const init = await client.handshake()
    expect(init).toMatchObject({ version: 'RFB 003.008\n', name: 'ubuntu-24.04-web' })
    client.close()

    // ECS through /ecs/v1/…; its console URL names the fake cloud itself.
    const ecs = await fetch(
      `${origin}${config.ecs.endpoint}/v1/${config.ecs.projectId}/cloudservers/${config.ecs.servers[0]?.id}/remote_console`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-auth-token': config.ecs.authToken },
        body: JSON.stringify({ remote_console: { protocol: 'vnc', type: 'novnc' } }),
      },
    )
    expect(ecs.status).toBe(200)
    const { url } = ((await ecs.json()) as { remote_console: { url: string } }).remote_console
    expect(url.startsWith(`${config.fakeCloudUrl}/vnc_auto.html?token=`)).toBe(true)

    // The chaos panel's API, same-origin.
    const faults = await fetch(`${origin}/__fake/faults`, {
      method: 'POST',
      body: JSON.stringify({ latencyMs: 5 }),
    })
    expect(await faults.json()).toMatchObject({ latencyMs: 5, dropped: 0 })

    const health = await fetch(`${config.fakeCloudUrl}/__fake/health`)
    expect(health.status).toBe(200)
    await server.close()
    vite = undefined
    await expect(fetch(`${config.fakeCloudUrl}/__fake/health`)).rejects.toThrow()
  }, 20_000)

  it("serves VM state and power same-origin, and the chaos panel's power switch", async () => {
    const { origin } = await startDemo()
    const config = (await (await fetch(`${origin}/__demo/config`)).json()) as DemoConfig
    const tower = (operation: string, id: string) =>
      fetch(`${origin}${config.cloudTower.endpoint}/v2/api/${operation}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: config.cloudTower.token },
        body: JSON.stringify({ where: { id } }),
      }).then(async (response) => ({ status: response.status, json: await response.json() }))
    expect(config.cloudTower.vms.find((vm) => vm.id === 'vm-stopped-01')?.status).toBe('STOPPED')
    const started = await tower('start-vm', 'vm-stopped-01')
    expect(started.status).toBe(200)
    expect(started.json).toMatchObject([
      { task_id: expect.any(String), data: { id: 'vm-stopped-01' } },
    ])
    const taskId = (started.json as { task_id: string }[])[0]?.task_id ?? ''
    expect((await tower('get-tasks', taskId)).json).toMatchObject([{ id: taskId }])

    const server = config.ecs.servers.find((candidate) => candidate.status === 'SHUTOFF')
    const state = await fetch(
      `${origin}${config.ecs.endpoint}/v1/${config.ecs.projectId}/cloudservers/${server?.id}`,
      { headers: { 'x-auth-token': config.ecs.authToken } },
    )
    expect(await state.json()).toMatchObject({ server: { status: 'SHUTOFF' } })

    const stop = await fetch(`${origin}/__fake/power`, {
      method: 'POST',
      body: JSON.stringify({ id: 'vm-ubuntu-01', state: 'stopped' }),
    })
    expect(await stop.json()).toEqual({ id: 'vm-ubuntu-01', state: 'stopped' })
    expect((await tower('get-vms', 'vm-ubuntu-01')).json).toMatchObject([{ status: 'STOPPED' }])
  }, 20_000)

  it('passes a refused console upgrade on as an HTTP error', async () => {
    const { origin } = await startDemo()
    const spent = `${origin.replace(/^http/, 'ws')}/tower/websockify/?token=spent`
    expect(await upgradeStatus(spent)).toBe(403)
  }, 20_000)

  it('moves to a fresh fake cloud when Vite restarts', async () => {
    const { vite: server, origin } = await startDemo()
    const config = async () => (await (await fetch(`${origin}/__demo/config`)).json()) as DemoConfig
    const before = (await config()).fakeCloudUrl
    await server.restart()
    const after = (await config()).fakeCloudUrl
    expect(after).not.toBe(before)
    await expect(fetch(`${before}/__fake/health`)).rejects.toThrow()
    expect((await fetch(`${origin}/__fake/health`)).status).toBe(200)
  }, 20_000)

  it('keeps its fake cloud when a restarted server reuses the plugin object', async () => {
    vite = await createServer({
      configFile: false,
      root: fileURLToPath(new URL('.', import.meta.url)),
      logLevel: 'silent',
      server: { host: '127.0.0.1', port: 0 },
      optimizeDeps: { noDiscovery: true, include: [] },
      plugins: [fakeCloudPlugin()],
    })
    await vite.listen()
    const { port } = vite.httpServer?.address() as AddressInfo
    const config = async () =>
      (await (await fetch(`http://127.0.0.1:${port}/__demo/config`)).json()) as DemoConfig
    const before = (await config()).fakeCloudUrl
    await vite.restart()
    expect((await config()).fakeCloudUrl).toBe(before)
    await vite.close()
    vite = undefined
    await expect(fetch(`${before}/__fake/health`)).rejects.toThrow()
  }, 20_000)
})
