import { describe, expect, it } from 'vitest'
import { cloudTowerErrorBody, cloudTowerVm } from '../../../test/support/cloudTowerRestBodies.js'
import { consoleErrorOf } from '../../../test/support/consoleErrorOf.js'
import { json } from '../../../test/support/json.js'
import { jsonTestServerPerFile } from '../../../test/support/jsonTestServerPerFile.js'
import { fetchCloudTowerVmState } from './fetchCloudTowerVmState.js'

const TOKEN = 'c2VjcmV0LXRvd2VyLXRva2Vu-4711'
const VM = 'cl2k0mpoy1ggh0958x7exlpyi'
const test = jsonTestServerPerFile(200, () => [cloudTowerVm('STOPPED')])

const call = (extra: Partial<Parameters<typeof fetchCloudTowerVmState>[0]> = {}) =>
  fetchCloudTowerVmState({ endpoint: test.server.url, token: TOKEN, vmId: VM, ...extra })
const failure = async (promise: Promise<unknown>) => {
  const error = await consoleErrorOf(promise, [TOKEN])
  expect(error.provider).toBe('cloudtower')
  return error
}

describe('fetchCloudTowerVmState', () => {
  it('sends the request of the REST API documentation', async () => {
    await call({ language: 'zh-CN', endpoint: `${test.server.url}/tower/` })
    const [request] = test.server.requests
    expect(request).toMatchObject({ method: 'POST', url: '/tower/v2/api/get-vms' })
    expect(request?.headers.authorization).toBe(TOKEN)
    expect(request?.headers['content-language']).toBe('zh-CN')
    expect(request?.headers['content-type']).toBe('application/json')
    expect(JSON.parse(request?.body ?? '')).toEqual({ where: { id: VM } })
  })

  it.each([
    ['RUNNING', 'running'],
    ['STOPPED', 'stopped'],
    ['SUSPENDED', 'suspended'],
    ['UNKNOWN', 'unknown'],
    ['DELETED', 'deleted'],
    ['SOMETHING_NEW', 'unknown'],
  ])('answers %s as %s, with the cloud’s own word', async (status, state) => {
    test.server.handle((_, res) => json(res, 200, [cloudTowerVm(status)]))
    await expect(call()).resolves.toEqual({ state, cloudStatus: status })
  })

  it('says deleted for a VM in the recycle bin', async () => {
    test.server.handle((_, res) =>
      json(res, 200, [cloudTowerVm('STOPPED', { in_recycle_bin: true })]),
    )
    await expect(call()).resolves.toEqual({ state: 'deleted', cloudStatus: 'STOPPED' })
  })

  it('is not_found when CloudTower lists no such VM', async () => {
    test.server.handle((_, res) => json(res, 200, []))
    const error = await failure(call())
    expect(error).toMatchObject({ kind: 'not_found', status: 200, retryable: false })
    expect(error.message).toContain(VM)
  })

  it.each([
    [400, cloudTowerErrorBody(400, 'vm is locked', 'ResourceLocked'), 'conflict', 'ResourceLocked'],
    [401, cloudTowerErrorBody(401, 'unauthorized'), 'unauthorized', undefined],
    [403, cloudTowerErrorBody(403, 'permission denied'), 'forbidden', undefined],
    [404, cloudTowerErrorBody(404, 'not found'), 'not_found', undefined],
    [400, cloudTowerErrorBody(400, 'where.id must be a string'), 'invalid_input', undefined],
    [500, cloudTowerErrorBody(500, 'internal error'), 'server', undefined],
  ] as const)('maps the documented ErrorBody, HTTP %i %j', async (status, body, kind, code) => {
    test.server.handle((_, res) => json(res, status, body))
    const error = await failure(call())
    expect(error).toMatchObject({ kind, status })
    expect(error.code).toBe(code)
    expect(error.message).toContain(body.message)
  })

  it.each([
    ['an object, not a list', { status: 'RUNNING' }],
    ['a VM without a status', [{ id: VM }]],
    ['a GraphQL answer', { data: { vms: [] } }],
  ])('rejects %s', async (_, body) => {
    test.server.handle((_, res) => json(res, 200, body))
    expect((await failure(call())).kind).toBe('invalid_response')
  })

  it('explains an HTML page (a wrong endpoint)', async () => {
    test.server.handle((_, res) => res.writeHead(200).end('<!doctype html><title>Tower</title>'))
    expect(await failure(call())).toMatchObject({ kind: 'invalid_response', code: 'html_page' })
  })

  it('never puts the token in a message, even when CloudTower echoes it', async () => {
    test.server.handle((req, res) =>
      json(res, 401, cloudTowerErrorBody(401, `bad token ${String(req.headers.authorization)}`)),
    )
    expect((await failure(call())).message).toContain('***')
  })

  it.each([
    ['an empty token', { token: '' }],
    ['a token with a line break', { token: 'a\nb' }],
    ['an empty VM id', { vmId: ' ' }],
    ['another language', { language: 'fr-FR' as 'en-US' }],
    ['an ftp endpoint', { endpoint: 'ftp://tower' }],
  ])('refuses %s without a request', async (_, extra) => {
    expect((await failure(call(extra))).kind).toBe('invalid_input')
    expect(test.server.requests).toHaveLength(0)
  })

  it('times out and aborts', async () => {
    test.server.handle(() => undefined)
    expect((await failure(call({ timeoutMs: 100 }))).kind).toBe('timeout')
    const controller = new AbortController()
    const pending = call({ signal: controller.signal })
    controller.abort()
    expect((await failure(pending)).kind).toBe('aborted')
  })
})
