import { describe, expect, it } from 'vitest'
import { json } from '../../../test/support/json.js'
import { startTestServer } from '../../../test/support/startTestServer.js'
import { consoleErrorOf } from '../../../test/support/consoleErrorOf.js'
import { jsonTestServerPerFile } from '../../../test/support/jsonTestServerPerFile.js'
import type { ConsoleError } from '../errors/ConsoleError.js'
import { fetchEcsRemoteConsole } from './fetchEcsRemoteConsole.js'
import { ecsErrors } from '../../../test/support/ecsBodies.js'

// The seed document's example request and answer.
const PROJECT = '13c67a214ced4afb88d911ae4bd5721a'
const SERVER = '47bc79ae-df61-4ade-9197-283a74e5d70e'
const SEED_ANSWER = {
  remote_console: {
    type: 'novnc',
    protocol: 'vnc',
    url: 'https://nova-novncproxy.az1.dc1.domainname.com:8002/vnc_auto.html?token=0fda3eca-8232-4249-8a5e-1f2e3d4c5b6a&lang=EN&tLength=70',
  },
}
const AUTH = 'MIIZsecret-iam-token-value'

const test = jsonTestServerPerFile(200, () => SEED_ANSWER)

const call = (extra: Partial<Parameters<typeof fetchEcsRemoteConsole>[0]> = {}) =>
  fetchEcsRemoteConsole({
    endpoint: test.server.url,
    projectId: PROJECT,
    serverId: SERVER,
    authToken: AUTH,
    ...extra,
  })

async function failure(promise: Promise<unknown>): Promise<ConsoleError> {
  const error = await consoleErrorOf(promise, [AUTH])
  expect(error.provider).toBe('ecs')
  return error
}

describe('fetchEcsRemoteConsole', () => {
  it('sends exactly the request of the ECS documentation', async () => {
    await call()
    const [request] = test.server.requests
    expect(request?.method).toBe('POST')
    expect(request?.url).toBe(`/v1/${PROJECT}/cloudservers/${SERVER}/remote_console`)
    expect(request?.headers['x-auth-token']).toBe(AUTH)
    expect(request?.headers['content-type']).toBe('application/json')
    expect(JSON.parse(request?.body ?? '')).toEqual({
      remote_console: { protocol: 'vnc', type: 'novnc' },
    })
  })

  it('returns type, protocol and url', async () => {
    await expect(call()).resolves.toEqual(SEED_ANSWER.remote_console)
  })

  it('sends no X-Auth-Token when none is given (a signing proxy adds it)', async () => {
    await call({ authToken: undefined, endpoint: `${test.server.url}/ecs-proxy/` })
    expect(test.server.requests[0]?.headers['x-auth-token']).toBeUndefined()
    expect(test.server.requests[0]?.url).toBe(
      `/ecs-proxy/v1/${PROJECT}/cloudservers/${SERVER}/remote_console`,
    )
  })

  it('percent-encodes ids so they stay one path segment', async () => {
    await call({ serverId: 'a/../b?c#d' })
    expect(test.server.requests[0]?.url).toBe(
      `/v1/${PROJECT}/cloudservers/a%2F..%2Fb%3Fc%23d/remote_console`,
    )
  })

  it.each([
    ['an empty project id', { projectId: '' }],
    ['a server id of dots', { serverId: '..' }],
    ['a server id with spaces', { serverId: 'a b' }],
    ['a server id with a newline', { serverId: 'a\nb' }],
    ['an empty auth token', { authToken: '' }],
    ['an auth token with a line break', { authToken: 'a\nb' }],
    ['an ftp endpoint', { endpoint: 'ftp://ecs.example.com' }],
  ])('refuses %s without a request', async (_, extra) => {
    const error = await failure(call(extra))
    expect(error.kind).toBe('invalid_input')
    expect(test.server.requests).toHaveLength(0)
  })

  it.each(ecsErrors)('maps HTTP %i %j', async (status, body, kind, code) => {
    test.server.handle((_, res) => json(res, status, body))
    const error = await failure(call())
    expect(error).toMatchObject({ kind, code, status })
    const upstream = 'error' in body ? body.error.message : body.error_msg
    expect(error.message).toContain(upstream)
  })

  it('says what an unknown endpoint means', async () => {
    test.server.handle((_, res) => json(res, 404, { error_code: 'APIGW.0101', error_msg: 'x' }))
    expect((await failure(call())).message).toMatch(/Check the VM and the endpoint/)
  })

  it('falls back to the status for an unknown code', async () => {
    test.server.handle((_, res) =>
      json(res, 500, { error: { code: 'Ecs.9999', message: 'internal' } }),
    )
    expect(await failure(call())).toMatchObject({
      kind: 'server',
      code: 'Ecs.9999',
      retryable: true,
    })
  })

  it('explains an HTML error page', async () => {
    test.server.handle((_, res) =>
      res.writeHead(504, { 'content-type': 'text/html' }).end('<html>Gateway Timeout</html>'),
    )
    const error = await failure(call())
    expect(error).toMatchObject({ kind: 'server', status: 504 })
    expect(error.message).toMatch(/HTML page/)
  })

  it.each([
    ['not JSON', 'remote_console: yes'],
    ['no remote_console', JSON.stringify({ console: {} })],
    ['a javascript: url', JSON.stringify({ remote_console: { url: 'javascript:alert(1)' } })],
    ['a url that is not a URL', JSON.stringify({ remote_console: { url: 'not a url' } })],
    ['a numeric url', JSON.stringify({ remote_console: { url: 42 } })],
    [
      'a url with credentials',
      JSON.stringify({ remote_console: { url: 'https://u:p@host/vnc_auto.html?token=t' } }),
    ],
  ])('rejects an answer with %s', async (_, body) => {
    test.server.handle((_, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(body),
    )
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

  it('times out and aborts', async () => {
    test.server.handle(() => undefined)
    expect((await failure(call({ timeoutMs: 100 }))).kind).toBe('timeout')
    const controller = new AbortController()
    const pending = call({ signal: controller.signal })
    controller.abort()
    expect((await failure(pending)).kind).toBe('aborted')
  })

  it('reports an unreachable endpoint as a network error', async () => {
    const closed = await startTestServer()
    await closed.close()
    expect((await failure(call({ endpoint: closed.url }))).kind).toBe('network')
  })
})
