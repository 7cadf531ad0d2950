import { describe, expect, it } from 'vitest'
import { cloudTowerErrorBody } from '../../../test/support/cloudTowerRestBodies.js'
import { consoleErrorOf } from '../../../test/support/consoleErrorOf.js'
import { json } from '../../../test/support/json.js'
import { jsonTestServerPerFile } from '../../../test/support/jsonTestServerPerFile.js'
import { fetchCloudTowerTask } from './fetchCloudTowerTask.js'

const TOKEN = 'c2VjcmV0LXRvd2VyLXRva2Vu-4711'
const TASK = 'cl2k1xq3b2k4m0958abcdefgh'
// A `Task` of `/v2/api/get-tasks`, cut to the fields we read and a few required others.
const task = (status: string, extra: Record<string, unknown> = {}) => ({
  id: TASK,
  description: 'Start VM web-01',
  progress: status === 'SUCCESSED' ? 1 : 0.4,
  status,
  error_code: null,
  error_message: null,
  internal: false,
  ...extra,
})
const test = jsonTestServerPerFile(200, () => [task('EXECUTING')])

const call = (extra: Record<string, unknown> = {}) =>
  fetchCloudTowerTask({ endpoint: test.server.url, token: TOKEN, taskId: TASK, ...extra })

describe('fetchCloudTowerTask', () => {
  it('posts { where: { id } } to /v2/api/get-tasks', async () => {
    await call()
    const [request] = test.server.requests
    expect(request).toMatchObject({ method: 'POST', url: '/v2/api/get-tasks' })
    expect(request?.headers.authorization).toBe(TOKEN)
    expect(JSON.parse(request?.body ?? '')).toEqual({ where: { id: TASK } })
  })

  it.each([
    // Every value of TaskStatus in CloudTower's OpenAPI spec (SUCCESSED is its spelling).
    ['PENDING', 'pending'],
    ['PAUSED', 'pending'],
    ['EXECUTING', 'running'],
    ['SUCCESSED', 'succeeded'],
    ['FAILED', 'failed'],
  ])('reads %s as %s', async (cloudStatus, status) => {
    test.server.handle((_, res) => json(res, 200, [task(cloudStatus)]))
    await expect(call()).resolves.toEqual({ status, cloudStatus })
  })

  it('keeps the code and reason of a failed task', async () => {
    test.server.handle((_, res) =>
      json(res, 200, [
        task('FAILED', { error_code: 'VM_START_FAILED', error_message: 'not enough memory' }),
      ]),
    )
    await expect(call()).resolves.toEqual({
      status: 'failed',
      cloudStatus: 'FAILED',
      code: 'VM_START_FAILED',
      reason: 'not enough memory',
    })
  })

  it('is not_found when CloudTower lists no such task', async () => {
    test.server.handle((_, res) => json(res, 200, []))
    const error = await consoleErrorOf(call(), [TOKEN])
    expect(error).toMatchObject({ kind: 'not_found', provider: 'cloudtower' })
    expect(error.message).toContain(TASK)
  })

  it.each([
    [401, cloudTowerErrorBody(401, `token ${TOKEN} expired`), 'unauthorized'],
    [500, cloudTowerErrorBody(500, 'internal error'), 'server'],
  ] as const)('maps HTTP %i, without the token', async (status, body, kind) => {
    test.server.handle((_, res) => json(res, status, body))
    expect(await consoleErrorOf(call(), [TOKEN])).toMatchObject({ kind, status })
  })

  it.each([
    ['an unknown status', [task('CANCELLED')]],
    ['no status', [{ id: TASK }]],
    ['an object', task('EXECUTING')],
  ])('rejects %s', async (_, body) => {
    test.server.handle((_, res) => json(res, 200, body))
    expect((await consoleErrorOf(call(), [TOKEN])).kind).toBe('invalid_response')
  })

  it('refuses an empty task id without a request', async () => {
    expect((await consoleErrorOf(call({ taskId: '' }))).kind).toBe('invalid_input')
    expect(test.server.requests).toHaveLength(0)
  })
})
