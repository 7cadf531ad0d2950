import { describe, expect, it } from 'vitest'
import { consoleErrorOf } from '../../../test/support/consoleErrorOf.js'
import { ecsErrors } from '../../../test/support/ecsBodies.js'
import { json } from '../../../test/support/json.js'
import { jsonTestServerPerFile } from '../../../test/support/jsonTestServerPerFile.js'
import type { VmPowerAction } from '../power/VmPowerAction.js'
import { requestEcsPowerAction } from './requestEcsPowerAction.js'

const PROJECT = '13c67a214ced4afb88d911ae4bd5721a'
const SERVER = '47bc79ae-df61-4ade-9197-283a74e5d70e'
const AUTH = 'MIIZsecret-iam-token-value'
const JOB = 'ff80808288d41e1b018990260955686a'
// "Responses (Task)": the job to follow.
const test = jsonTestServerPerFile(200, () => ({ job_id: JOB }))

const call = (action: VmPowerAction = 'start', extra: Record<string, unknown> = {}) =>
  requestEcsPowerAction({
    endpoint: test.server.url,
    projectId: PROJECT,
    serverId: SERVER,
    authToken: AUTH,
    action,
    ...extra,
  })
const failure = async (promise: Promise<unknown>) => {
  const error = await consoleErrorOf(promise, [AUTH])
  expect(error.provider).toBe('ecs')
  return error
}

describe('requestEcsPowerAction', () => {
  it.each([
    ['start', { 'os-start': { servers: [{ id: SERVER }] } }],
    ['shutdown', { 'os-stop': { type: 'SOFT', servers: [{ id: SERVER }] } }],
    ['poweroff', { 'os-stop': { type: 'HARD', servers: [{ id: SERVER }] } }],
    ['restart', { reboot: { type: 'SOFT', servers: [{ id: SERVER }] } }],
    ['forceRestart', { reboot: { type: 'HARD', servers: [{ id: SERVER }] } }],
  ] as const)('%s posts %j to the batch action API', async (action, body) => {
    await expect(call(action)).resolves.toEqual({ taskId: JOB })
    const [request] = test.server.requests
    expect(request).toMatchObject({ method: 'POST', url: `/v1/${PROJECT}/cloudservers/action` })
    expect(request?.headers['x-auth-token']).toBe(AUTH)
    expect(request?.headers['content-type']).toBe('application/json')
    expect(JSON.parse(request?.body ?? '')).toEqual(body)
    expect(test.server.requests).toHaveLength(1)
  })

  it('takes 202 (submitted, the system busy) as accepted', async () => {
    test.server.handle((_, res) => json(res, 202, { job_id: JOB }))
    await expect(call()).resolves.toEqual({ taskId: JOB })
  })

  it('refuses an unknown action, or a bad server id, without a request', async () => {
    expect((await failure(call('reset' as VmPowerAction))).kind).toBe('invalid_input')
    expect((await failure(call('start', { serverId: 'a b' }))).kind).toBe('invalid_input')
    expect(test.server.requests).toHaveLength(0)
  })

  it.each(ecsErrors)('maps HTTP %i %j', async (status, body, kind, code) => {
    test.server.handle((_, res) => json(res, status, body))
    expect(await failure(call('poweroff'))).toMatchObject({ kind, code, status })
  })

  it('maps an error with details, and a 409 of a busy server', async () => {
    test.server.handle((_, res) =>
      json(res, 409, {
        error: {
          code: 'Ecs.0001',
          message: 'The ECS is being operated.',
          details: [{ code: 'Ecs.0001', message: 'task_state is powering-on' }],
        },
      }),
    )
    const error = await failure(call())
    expect(error).toMatchObject({ kind: 'conflict', code: 'Ecs.0001', status: 409 })
    expect(error.message).toContain('The ECS is being operated.')
  })

  it.each([
    ['no job_id', {}],
    ['an empty job_id', { job_id: '' }],
  ])('rejects an answer with %s', async (_, body) => {
    test.server.handle((_, res) => json(res, 200, body))
    expect((await failure(call())).kind).toBe('invalid_response')
  })

  it('never puts the auth token in a message', async () => {
    test.server.handle((req, res) =>
      json(res, 403, {
        error: { code: 'Ecs.0003', message: `token ${String(req.headers['x-auth-token'])}` },
      }),
    )
    expect((await failure(call())).message).toContain('***')
  })
})
