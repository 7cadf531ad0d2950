import { describe, expect, it } from 'vitest'
import { consoleErrorOf } from '../../../test/support/consoleErrorOf.js'
import { ecsErrors, ecsJob } from '../../../test/support/ecsBodies.js'
import { json } from '../../../test/support/json.js'
import { jsonTestServerPerFile } from '../../../test/support/jsonTestServerPerFile.js'
import { fetchEcsJob } from './fetchEcsJob.js'

const PROJECT = '13c67a214ced4afb88d911ae4bd5721a'
const AUTH = 'MIIZsecret-iam-token-value'
const JOB = 'ff80808288d41e1b018990260955686a'
const test = jsonTestServerPerFile(200, () => ecsJob('RUNNING'))

const call = (extra: Record<string, unknown> = {}) =>
  fetchEcsJob({
    endpoint: test.server.url,
    projectId: PROJECT,
    jobId: JOB,
    authToken: AUTH,
    ...extra,
  })

describe('fetchEcsJob', () => {
  it('GETs the job', async () => {
    await call()
    expect(test.server.requests[0]).toMatchObject({
      method: 'GET',
      url: `/v1/${PROJECT}/jobs/${JOB}`,
    })
    expect(test.server.requests[0]?.headers['x-auth-token']).toBe(AUTH)
  })

  it.each([
    // Every job status of "Querying Job Execution Status".
    ['INIT', 'pending'],
    ['RUNNING', 'running'],
    ['SUCCESS', 'succeeded'],
    ['FAIL', 'failed'],
  ])('reads %s as %s', async (cloudStatus, status) => {
    test.server.handle((_, res) => json(res, 200, ecsJob(cloudStatus)))
    await expect(call()).resolves.toEqual({ status, cloudStatus })
  })

  it('keeps the code and reason of a failed job, from the job or its sub-job', async () => {
    const failure = { error_code: 'Ecs.0610', fail_reason: 'Insufficient resources.' }
    for (const onSubJob of [false, true]) {
      test.server.handle((_, res) => json(res, 200, ecsJob('FAIL', { ...failure, onSubJob })))
      await expect(call()).resolves.toEqual({
        status: 'failed',
        cloudStatus: 'FAIL',
        code: 'Ecs.0610',
        reason: 'Insufficient resources.',
      })
    }
  })

  it.each(ecsErrors)('maps HTTP %i %j, without the token', async (status, body, kind, code) => {
    test.server.handle((_, res) => json(res, status, body))
    expect(await consoleErrorOf(call(), [AUTH])).toMatchObject({ kind, code, status })
  })

  it('names the job, not a VM, when there is no such job', async () => {
    test.server.handle((_, res) =>
      json(res, 404, { error: { code: 'Ecs.0114', message: 'Job does not exist.' } }),
    )
    const error = await consoleErrorOf(call(), [AUTH])
    expect(error.message).toContain(`has no job "${JOB}"`)
  })

  it('rejects an unknown status', async () => {
    test.server.handle((_, res) => json(res, 200, ecsJob('DONE')))
    expect((await consoleErrorOf(call(), [AUTH])).kind).toBe('invalid_response')
  })

  it('refuses a job id that would leave its path segment, without a request', async () => {
    expect((await consoleErrorOf(call({ jobId: '..' }))).kind).toBe('invalid_input')
    expect(test.server.requests).toHaveLength(0)
  })
})
