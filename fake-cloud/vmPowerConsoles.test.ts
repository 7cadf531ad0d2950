// What a VM's power does to its consoles, over real HTTP, websockets and RFB: a stopped VM gives
// no console, stopping or restarting it ends the live ones, and a restarted screen boots again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ecsSocketUrl, upgradeStatus } from '../test/support/console/node/index.ts'
import { RfbTestClient } from './rfb/RfbTestClient.ts'
import { startFakeCloud } from './startFakeCloud.ts'
import type { FakeCloudHandle } from './types.ts'

const ADMIN = 'fake-cloudtower-admin-token'
const PROJECT = '13c67a214ced4afb88d911ae4bd5721a'
const WEB = '47bc79ae-df61-4ade-9197-283a74e5d70e'
// Long enough that a console opened right after a start or reset still finds the boot screen
// on a loaded machine (the screen boots for this long).
const DELAY = 1500

let cloud: FakeCloudHandle
beforeAll(async () => {
  cloud = await startFakeCloud({ builtInVnc: true, powerDelayMs: DELAY })
})
afterAll(() => cloud.close())

const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
  const response = await fetch(`${cloud.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })
  return { status: response.status, json: (await response.json()) as Record<string, unknown> }
}
const vnc = (id: string) =>
  post(
    '/api',
    {
      operationName: 'vnc',
      variables: { input: { vm: { id } } },
      query: 'query vnc($input: VncInput!) { vnc(input: $input) { vm_uuid host_ip raw_token } }',
    },
    { authorization: ADMIN },
  )
async function towerSocket(id: string): Promise<string> {
  const { json } = await vnc(id)
  const answer = (json.data as { vnc: Record<string, string> }).vnc
  const ws = cloud.url.replace(/^http/, 'ws')
  return `${ws}/websockify/?uuid=${answer.vm_uuid}&token=${answer.raw_token}&host=${answer.host_ip}`
}
async function ecsSocket(serverId: string): Promise<string> {
  const { json } = await post(
    `/v1/${PROJECT}/cloudservers/${serverId}/remote_console`,
    { remote_console: { protocol: 'vnc', type: 'novnc' } },
    { 'x-auth-token': 'fake-ecs-token' },
  )
  return ecsSocketUrl((json.remote_console as { url: string }).url, cloud.url)
}
async function openConsole(url: string, password?: string) {
  const client = await RfbTestClient.connectWebSocket(url)
  const init = await client.handshake({ password })
  return { client, init }
}
/** The bottom-right pixel as the client sees it: 0 on the black boot screen. */
async function cornerPixel(client: RfbTestClient, width: number, height: number) {
  client.requestUpdate(false, { x: width - 1, y: height - 1, width: 1, height: 1 })
  const [rect] = await client.readUpdate()
  return Buffer.from(rect?.data ?? []).readUInt32LE(0) & 0xffffff
}
async function closedWithin(client: RfbTestClient, ms: number) {
  const deadline = Date.now() + ms
  while (!client.isClosed) {
    if (Date.now() > deadline) return false
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  return true
}
async function taskDone(taskId: string) {
  for (const deadline = Date.now() + 5000; Date.now() < deadline;) {
    const { json } = await post(
      '/v2/api/get-tasks',
      { where: { id: taskId } },
      { authorization: ADMIN },
    )
    if ((json as unknown as { status: string }[])[0]?.status === 'SUCCESSED') return
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error(`task ${taskId} did not succeed`)
}
const rest = async (operation: string, id: string) => {
  const { status, json } = await post(
    `/v2/api/${operation}`,
    { where: { id } },
    { authorization: ADMIN },
  )
  expect(status).toBe(200)
  return (json as unknown as { task_id: string }[])[0]?.task_id ?? ''
}

describe('a stopped VM', () => {
  it('gets no CloudTower console: HTTP 200, errors[] with VM_NOT_RUNNING (an assumption)', async () => {
    const issued = cloud.stats.issuedTokens
    const { status, json } = await vnc('vm-stopped-01')
    expect(status).toBe(200)
    expect(json).toEqual({
      data: { vnc: null },
      errors: [
        { message: 'The virtual machine is not running.', code: 'VM_NOT_RUNNING', path: ['vnc'] },
      ],
    })
    expect(cloud.stats.issuedTokens).toBe(issued)
  })

  it('gets a console once started, and its screen boots first', async () => {
    const taskId = await rest('start-vm', 'vm-stopped-01')
    expect((await vnc('vm-stopped-01')).json).toMatchObject({
      errors: [{ code: 'VM_NOT_RUNNING' }],
    })
    await taskDone(taskId)
    const { client, init } = await openConsole(await towerSocket('vm-stopped-01'))
    expect(cloud.vncServers.get('vm-stopped-01')?.scene?.booting).toBe(true)
    expect(await cornerPixel(client, init.width, init.height)).toBe(0)
    client.close()
  })
})

describe('stopping a VM under a live console', () => {
  it('ends the console (chaos POST /__fake/power), refuses new ones and tokens issued before', async () => {
    const early = await towerSocket('vm-windows-01')
    const { client } = await openConsole(await towerSocket('vm-windows-01'), 'secret')
    const other = await openConsole(await towerSocket('vm-ubuntu-01'))
    const stopped = await post('/__fake/power', { id: 'vm-windows-01', state: 'stopped' })
    expect(stopped).toEqual({ status: 200, json: { id: 'vm-windows-01', state: 'stopped' } })
    expect(await closedWithin(client, 2000)).toBe(true)
    expect(other.client.isClosed).toBe(false) // only that VM's consoles
    expect((await vnc('vm-windows-01')).json).toMatchObject({
      errors: [{ code: 'VM_NOT_RUNNING' }],
    })
    const rejected = cloud.stats.rejectedUpgrades
    expect(await upgradeStatus(early)).toBe(403)
    expect(cloud.stats.rejectedUpgrades).toBe(rejected + 1)
    const listed = await post(
      '/v2/api/get-vms',
      { where: { id: 'vm-windows-01' } },
      { authorization: ADMIN },
    )
    expect(listed.json).toMatchObject([{ status: 'STOPPED' }])

    await post('/__fake/power', { id: 'vm-windows-01', state: 'running' })
    // The token issued before the stop was not spent by the refusal; the VM runs again.
    const again = await RfbTestClient.connectWebSocket(early)
    await again.handshake({ password: 'secret' })
    again.close()
    other.client.close()
  })

  it('ends an ECS console when os-stop completes, and the console is then refused with 409', async () => {
    const { client } = await openConsole(await ecsSocket(WEB))
    const { json } = await post(
      `/v1/${PROJECT}/cloudservers/action`,
      { 'os-stop': { type: 'HARD', servers: [{ id: WEB }] } },
      { 'x-auth-token': 'fake-ecs-token' },
    )
    expect(json.job_id).toEqual(expect.any(String))
    expect(client.isClosed).toBe(false) // stopping takes the delay
    expect(await closedWithin(client, DELAY + 3000)).toBe(true)
    const refused = await post(
      `/v1/${PROJECT}/cloudservers/${WEB}/remote_console`,
      { remote_console: { protocol: 'vnc', type: 'novnc' } },
      { 'x-auth-token': 'fake-ecs-token' },
    )
    expect(refused.status).toBe(409)
    await post('/__fake/power', { id: WEB, state: 'running' })
  })

  it('refuses bad chaos requests', async () => {
    expect(await post('/__fake/power', { id: 'nope', state: 'stopped' })).toMatchObject({
      status: 404,
    })
    expect(await post('/__fake/power', { id: 'vm-ubuntu-01', state: 'paused' })).toMatchObject({
      status: 400,
    })
  })
})

describe('restarting a VM', () => {
  it('drops its console when the reset happens, and a new console sees the boot screen, then the desktop', async () => {
    const { client, init } = await openConsole(await towerSocket('vm-ubuntu-01'))
    expect(await cornerPixel(client, init.width, init.height)).not.toBe(0)
    const taskId = await rest('force-restart-vm', 'vm-ubuntu-01')
    expect(await closedWithin(client, DELAY + 3000)).toBe(true)
    // A rebooting guest keeps its VNC server: the console opens, on the firmware's screen.
    const during = await openConsole(await towerSocket('vm-ubuntu-01'))
    expect(await cornerPixel(during.client, init.width, init.height)).toBe(0)
    await taskDone(taskId)
    const scene = cloud.vncServers.get('vm-ubuntu-01')?.scene
    for (const deadline = Date.now() + 5000; scene?.booting && Date.now() < deadline;) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    expect(await cornerPixel(during.client, init.width, init.height)).not.toBe(0)
    during.client.close()
  })
})
