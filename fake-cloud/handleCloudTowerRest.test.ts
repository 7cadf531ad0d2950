// CloudTower's REST API (`/v2/api`) over real HTTP: VM state, power tasks, and their errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeCloud } from './startFakeCloud.ts'
import type { FakeCloudHandle } from './types.ts'

const ADMIN = 'fake-cloudtower-admin-token'
// Generous: a few checks read the state while a task runs (one local request must fit in it).
const DELAY = 800

let cloud: FakeCloudHandle
beforeAll(async () => {
  cloud = await startFakeCloud({ vncTarget: null, powerDelayMs: DELAY })
})
afterAll(() => cloud.close())

async function rest(
  operation: string,
  body: unknown,
  headers: Record<string, string> = { authorization: ADMIN },
  method = 'POST',
) {
  const response = await fetch(`${cloud.url}/v2/api/${operation}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(method === 'GET' ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  })
  return { status: response.status, json: (await response.json()) as unknown }
}
const where = (id: string) => ({ where: { id } })
const status = async (id: string) =>
  ((await rest('get-vms', where(id))).json as { status: string }[])[0]?.status
const task = async (id: string) =>
  ((await rest('get-tasks', where(id))).json as Record<string, unknown>[])[0]

async function until<T>(read: () => Promise<T>, wanted: T, timeoutMs = 5000): Promise<T[]> {
  const seen: T[] = []
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await read()
    if (seen.at(-1) !== value) seen.push(value)
    if (value === wanted) return seen
    if (Date.now() > deadline) throw new Error(`still ${String(value)}, seen ${seen.join(' → ')}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe('CloudTower POST /v2/api/get-vms', () => {
  it('answers Vm[] with each VM status, filtered by where.id', async () => {
    const { status: code, json } = await rest('get-vms', where('vm-stopped-01'))
    expect(code).toBe(200)
    expect(json).toEqual([
      {
        id: 'vm-stopped-01',
        name: 'centos-7-legacy',
        status: 'STOPPED',
        local_id: 'c2a4e8d0-1f3b-4c5d-8e9f-a0b1c2d3e4f5',
        node_ip: '192.168.5.6',
        in_recycle_bin: false,
        internal: false,
        description: '',
      },
    ])
    expect(await status('vm-ubuntu-01')).toBe('RUNNING')
    expect((await rest('get-vms', where('nope'))).json).toEqual([])
    expect((await rest('get-vms', {})).json).toHaveLength(cloud.inventory.cloudTower.vms.length)
    const both = await rest('get-vms', { where: { id_in: ['vm-ubuntu-01', 'vm-windows-01'] } })
    expect((both.json as { id: string }[]).map((vm) => vm.id)).toEqual([
      'vm-ubuntu-01',
      'vm-windows-01',
    ])
  })

  it('needs the raw session token, as the GraphQL endpoint does (ErrorBody 401)', async () => {
    for (const authorization of [undefined, 'nope', `Bearer ${ADMIN}`]) {
      const { status: code, json } = await rest(
        'get-vms',
        where('vm-ubuntu-01'),
        authorization === undefined ? {} : { authorization },
      )
      expect(code).toBe(401)
      expect(json).toEqual({
        message: 'Failed to load the login token. Please log in again.',
        status: 401,
        path: '/v2/api/get-vms',
      })
    }
    const viewer = await rest('get-vms', where('vm-ubuntu-01'), {
      authorization: 'fake-cloudtower-viewer-token',
    })
    expect(viewer.status).toBe(200)
  })

  it('answers bad bodies with ErrorBody 400, unknown paths with 404', async () => {
    for (const body of ['not json', '[]', { where: 'x' }, { where: { id: 7 } }]) {
      const { status: code, json } = await rest('get-vms', body)
      expect(code).toBe(400)
      expect(json).toMatchObject({ status: 400, path: '/v2/api/get-vms' })
    }
    expect(await rest('delete-vm', where('vm-ubuntu-01'))).toMatchObject({
      status: 404,
      json: { status: 404, path: '/v2/api/delete-vm' },
    })
    expect((await rest('get-vms', undefined, { authorization: ADMIN }, 'GET')).status).toBe(404)
  })
})

describe('CloudTower power operations', () => {
  it('starts a stopped VM: [{ task_id, data }], the task goes PENDING → EXECUTING → SUCCESSED', async () => {
    const started = Date.now()
    const { status: code, json } = await rest('start-vm', where('vm-stopped-01'))
    expect(code).toBe(200)
    const [result] = json as { task_id: string; data: { id: string; status: string } }[]
    expect(json).toHaveLength(1)
    expect(result?.task_id).toMatch(/^[0-9a-f]{32}$/)
    expect(result?.data).toMatchObject({ id: 'vm-stopped-01', status: 'STOPPED' })
    const taskId = result?.task_id ?? ''
    expect(await task(taskId)).toMatchObject({
      id: taskId,
      status: 'PENDING',
      resource_id: 'vm-stopped-01',
      error_code: null,
    })
    expect(await status('vm-stopped-01')).toBe('STOPPED')
    const phases = await until(async () => (await task(taskId))?.status, 'SUCCESSED')
    // EXECUTING lasts 3/4 of the delay; a slow poll may step over it (the unit test sees it).
    const order = ['PENDING', 'EXECUTING', 'SUCCESSED']
    expect(phases[0]).toBe('PENDING')
    expect(phases.map((phase) => order.indexOf(phase as string))).toEqual(
      [...phases.map((phase) => order.indexOf(phase as string))].sort(),
    )
    expect(Date.now() - started).toBeGreaterThanOrEqual(DELAY - 50)
    expect(await status('vm-stopped-01')).toBe('RUNNING')
  })

  it('shuts down, powers off, restarts and force-restarts with their own tasks', async () => {
    for (const [operation, after] of [
      ['restart-vm', 'RUNNING'],
      ['force-restart-vm', 'RUNNING'],
      ['shutdown-vm', 'STOPPED'],
      ['start-vm', 'RUNNING'],
      ['poweroff-vm', 'STOPPED'],
      ['start-vm', 'RUNNING'],
    ] as const) {
      const { status: code, json } = await rest(operation, where('vm-windows-01'))
      expect(code, operation).toBe(200)
      const taskId = (json as { task_id: string }[])[0]?.task_id ?? ''
      await until(async () => (await task(taskId))?.status, 'SUCCESSED')
      expect(await status('vm-windows-01'), operation).toBe(after)
    }
  })

  it('answers ResourceLocked (ErrorBody 400) while a task runs on the VM', async () => {
    const first = await rest('restart-vm', where('vm-ubuntu-01'))
    expect(first.status).toBe(200)
    const { status: code, json } = await rest('poweroff-vm', where('vm-ubuntu-01'))
    expect(code).toBe(400)
    expect(json).toEqual({
      code: 'ResourceLocked',
      message: 'The VM vm-ubuntu-01 is locked by another task.',
      status: 400,
      path: '/v2/api/poweroff-vm',
    })
    const taskId = (first.json as { task_id: string }[])[0]?.task_id ?? ''
    await until(async () => (await task(taskId))?.status, 'SUCCESSED')
  })

  it('fails the task of an action the state does not allow', async () => {
    const { json } = await rest('start-vm', where('vm-ubuntu-01'))
    const taskId = (json as { task_id: string }[])[0]?.task_id ?? ''
    expect(await task(taskId)).toMatchObject({
      status: 'FAILED',
      error_code: 'VM_ALREADY_RUNNING',
      error_message: 'The VM is RUNNING.',
    })
  })

  it('refuses READ_ONLY users (403), unknown VMs (404), and a missing where.id (400)', async () => {
    const viewer = await rest('shutdown-vm', where('vm-ubuntu-01'), {
      authorization: 'fake-cloudtower-viewer-token',
    })
    expect(viewer).toEqual({
      status: 403,
      json: {
        message: 'You do not have permission to perform this operation.',
        status: 403,
        path: '/v2/api/shutdown-vm',
      },
    })
    expect(await rest('start-vm', where('vm-nope'))).toEqual({
      status: 404,
      json: {
        message: 'The virtual machine does not exist.',
        status: 404,
        path: '/v2/api/start-vm',
      },
    })
    expect((await rest('start-vm', {})).status).toBe(400)
    expect((await rest('start-vm', '{"where":{"id":1}}')).status).toBe(400)
    expect(await status('vm-ubuntu-01')).toBe('RUNNING')
  })

  it('answers in zh-CN when asked, and fails or throttles with the fault switches', async () => {
    const zh = await rest('get-vms', {}, { authorization: 'nope', 'content-language': 'zh-CN' })
    expect(zh.json).toMatchObject({ message: '加载登录令牌失败，请重新登录。' })
    cloud.faults.set({ failNext: 1, failStatus: 500 })
    expect(await rest('get-tasks', where('x'))).toMatchObject({
      status: 500,
      json: { message: 'Internal server error.', status: 500, path: '/v2/api/get-tasks' },
    })
    cloud.faults.set({ throttle: true })
    expect((await rest('get-vms', {})).status).toBe(429)
    cloud.faults.reset()
    expect((await rest('get-tasks', where('no-such-task'))).json).toEqual([])
  })
})
