import { describe, expect, it } from 'vitest'
import { cloudTowerErrorBody, cloudTowerVm } from '../../../test/support/cloudTowerRestBodies.js'
import { consoleErrorOf } from '../../../test/support/consoleErrorOf.js'
import { json } from '../../../test/support/json.js'
import { jsonTestServerPerFile } from '../../../test/support/jsonTestServerPerFile.js'
import type { VmPowerAction } from '../power/VmPowerAction.js'
import { requestCloudTowerPowerAction } from './requestCloudTowerPowerAction.js'

const TOKEN = 'c2VjcmV0LXRvd2VyLXRva2Vu-4711'
const VM = 'cl2k0mpoy1ggh0958x7exlpyi'
const TASK = 'cl2k1xq3b2k4m0958abcdefgh'
// WithTask_Vm_[]: the task and the VM's temporary state.
const test = jsonTestServerPerFile(200, () => [{ task_id: TASK, data: cloudTowerVm('STOPPED') }])

const call = (action: VmPowerAction = 'start', extra: Record<string, unknown> = {}) =>
  requestCloudTowerPowerAction({
    endpoint: test.server.url,
    token: TOKEN,
    vmId: VM,
    action,
    ...extra,
  })
const failure = async (promise: Promise<unknown>) => {
  const error = await consoleErrorOf(promise, [TOKEN])
  expect(error.provider).toBe('cloudtower')
  return error
}

describe('requestCloudTowerPowerAction', () => {
  it.each([
    ['start', '/v2/api/start-vm'],
    ['shutdown', '/v2/api/shutdown-vm'],
    ['poweroff', '/v2/api/poweroff-vm'],
    ['restart', '/v2/api/restart-vm'],
    ['forceRestart', '/v2/api/force-restart-vm'],
  ] as const)('%s posts { where: { id } } to %s and answers its task', async (action, url) => {
    await expect(call(action)).resolves.toEqual({ taskId: TASK })
    const [request] = test.server.requests
    expect(request).toMatchObject({ method: 'POST', url })
    expect(request?.headers.authorization).toBe(TOKEN)
    expect(JSON.parse(request?.body ?? '')).toEqual({ where: { id: VM } })
    expect(test.server.requests).toHaveLength(1)
  })

  it('answers a null task_id (done synchronously) as null', async () => {
    test.server.handle((_, res) =>
      json(res, 200, [{ task_id: null, data: cloudTowerVm('RUNNING') }]),
    )
    await expect(call()).resolves.toEqual({ taskId: null })
  })

  it('refuses an unknown action without a request', async () => {
    const error = await failure(call('reset' as VmPowerAction))
    expect(error.kind).toBe('invalid_input')
    expect(test.server.requests).toHaveLength(0)
  })

  it.each([
    [400, cloudTowerErrorBody(400, 'vm is locked by task x', 'ResourceLocked'), 'conflict'],
    [401, cloudTowerErrorBody(401, 'unauthorized'), 'unauthorized'],
    [403, cloudTowerErrorBody(403, 'no permission to start vm'), 'forbidden'],
    [404, cloudTowerErrorBody(404, 'vm not found'), 'not_found'],
    [500, cloudTowerErrorBody(500, 'internal error'), 'server'],
  ] as const)('maps the documented ErrorBody, HTTP %i %j', async (status, body, kind) => {
    test.server.handle((_, res) => json(res, status, body))
    const error = await failure(call())
    expect(error).toMatchObject({ kind, status })
    expect(error.message).toContain(body.message)
  })

  it('says that a locked VM is busy', async () => {
    test.server.handle((_, res) =>
      json(res, 400, cloudTowerErrorBody(400, 'locked', 'ResourceLocked')),
    )
    expect((await failure(call())).message).toMatch(/busy/)
  })

  it.each([
    ['an empty list', []],
    ['no task_id', [{ data: cloudTowerVm('RUNNING') }]],
    ['an empty task_id', [{ task_id: '', data: {} }]],
    ['an object', { task_id: TASK }],
  ])('rejects an answer with %s', async (_, body) => {
    test.server.handle((_, res) => json(res, 200, body))
    expect((await failure(call())).kind).toBe('invalid_response')
  })

  it('never puts the token in a message, even when CloudTower echoes it', async () => {
    test.server.handle((req, res) =>
      json(res, 403, cloudTowerErrorBody(403, `token ${String(req.headers.authorization)}`)),
    )
    expect((await failure(call('forceRestart'))).message).toContain('***')
  })
})
