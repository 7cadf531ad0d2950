import { describe, expect, it } from 'vitest'
import { consoleErrorOf } from '../../../test/support/consoleErrorOf.js'
import { ecsErrors, ecsServer } from '../../../test/support/ecsBodies.js'
import { json } from '../../../test/support/json.js'
import { jsonTestServerPerFile } from '../../../test/support/jsonTestServerPerFile.js'
import { fetchEcsServerState } from './fetchEcsServerState.js'

const PROJECT = '13c67a214ced4afb88d911ae4bd5721a'
const SERVER = '47bc79ae-df61-4ade-9197-283a74e5d70e'
const AUTH = 'MIIZsecret-iam-token-value'
const test = jsonTestServerPerFile(200, () => ecsServer('SHUTOFF'))

const call = (extra: Record<string, unknown> = {}) =>
  fetchEcsServerState({
    endpoint: test.server.url,
    projectId: PROJECT,
    serverId: SERVER,
    authToken: AUTH,
    ...extra,
  })
const failure = async (promise: Promise<unknown>) => {
  const error = await consoleErrorOf(promise, [AUTH])
  expect(error.provider).toBe('ecs')
  return error
}

describe('fetchEcsServerState', () => {
  it('GETs the server details of the ECS documentation', async () => {
    await expect(call()).resolves.toEqual({ state: 'stopped', cloudStatus: 'SHUTOFF' })
    const [request] = test.server.requests
    expect(request).toMatchObject({
      method: 'GET',
      url: `/v1/${PROJECT}/cloudservers/${SERVER}`,
      body: '',
    })
    expect(request?.headers['x-auth-token']).toBe(AUTH)
  })

  it.each([
    ['ACTIVE', null, 'running', 'ACTIVE'],
    ['ACTIVE', 'powering-off', 'stopping', 'ACTIVE (powering-off)'],
    ['SHUTOFF', 'powering-on', 'starting', 'SHUTOFF (powering-on)'],
    ['REBOOT', 'reboot_started', 'restarting', 'REBOOT (reboot_started)'],
    ['HARD_REBOOT', 'rebooting_hard', 'restarting', 'HARD_REBOOT (rebooting_hard)'],
    ['ERROR', null, 'unknown', 'ERROR'],
  ])('answers %s with task %s as %s', async (status, task, state, cloudStatus) => {
    test.server.handle((_, res) => json(res, 200, ecsServer(status, task)))
    await expect(call()).resolves.toEqual({ state, cloudStatus })
  })

  it.each(ecsErrors)('maps HTTP %i %j', async (status, body, kind, code) => {
    test.server.handle((_, res) => json(res, status, body))
    expect(await failure(call())).toMatchObject({ kind, code, status })
  })

  it.each([
    ['no server', {}],
    ['a server without a status', { server: { id: SERVER } }],
  ])('rejects an answer with %s', async (_, body) => {
    test.server.handle((_, res) => json(res, 200, body))
    expect((await failure(call())).kind).toBe('invalid_response')
  })

  it('never puts the auth token in a message, even when the server echoes it', async () => {
    test.server.handle((req, res) =>
      json(res, 401, {
        error_code: 'APIGW.0301',
        error_msg: `bad token ${String(req.headers['x-auth-token'])}`,
      }),
    )
    expect((await failure(call())).message).toContain('***')
  })

  it.each([
    ['a server id of dots', { serverId: '..' }],
    ['an empty project id', { projectId: '' }],
    ['an auth token with a line break', { authToken: 'a\nb' }],
  ])('refuses %s without a request', async (_, extra) => {
    expect((await failure(call(extra))).kind).toBe('invalid_input')
    expect(test.server.requests).toHaveLength(0)
  })

  it('times out', async () => {
    test.server.handle(() => undefined)
    expect((await failure(call({ timeoutMs: 100 }))).kind).toBe('timeout')
  })
})
