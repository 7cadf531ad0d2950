import { describe, expect, it, vi } from 'vitest'
import { json } from '../../../test/support/json.js'
import { startTestServer } from '../../../test/support/startTestServer.js'
import { consoleErrorOf } from '../../../test/support/consoleErrorOf.js'
import { jsonTestServerPerFile } from '../../../test/support/jsonTestServerPerFile.js'
import { fetchCloudTowerVnc } from './fetchCloudTowerVnc.js'

// The seed document's example answer.
const SEED_VNC = {
  raw_token: '1a2bc3d4567e89f0a1b2c3d4e5f6a7b8',
  token: 'MTIzNDU2Nzg5YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXo=',
  vm_uuid: '00000000-0000-0000-0000-000000000000',
  cluster_ip: '192.168.5.2',
  host_ip: '192.168.5.4',
}
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.secret-session-token'

const test = jsonTestServerPerFile(200, () => ({ data: { vnc: SEED_VNC } }))

const call = (extra: Partial<Parameters<typeof fetchCloudTowerVnc>[0]> = {}) =>
  fetchCloudTowerVnc({ endpoint: test.server.url, token: TOKEN, vmId: 'vm-1', ...extra })

const failure = (promise: Promise<unknown>) => consoleErrorOf(promise, [TOKEN])

describe('fetchCloudTowerVnc', () => {
  it('sends exactly the request of the CloudTower documentation', async () => {
    await call()
    expect(test.server.requests).toHaveLength(1)
    const [request] = test.server.requests
    expect(request?.method).toBe('POST')
    expect(request?.url).toBe('/api')
    expect(request?.headers['authorization']).toBe(TOKEN)
    expect(request?.headers['content-language']).toBe('en-US')
    expect(request?.headers['content-type']).toBe('application/json')
    expect(request?.headers['accept']).toBe('application/json')
    expect(JSON.parse(request?.body ?? '')).toEqual({
      operationName: 'vnc',
      variables: { input: { vm: { id: 'vm-1' } } },
      query:
        'query vnc($input: VncInput!) { vnc(input: $input) { vm_uuid host_ip cluster_ip raw_token token}}',
    })
  })

  it('returns the five fields of the answer', async () => {
    await expect(call()).resolves.toEqual(SEED_VNC)
  })

  it('sends zh-CN when asked and strips trailing slashes of the endpoint', async () => {
    await call({ language: 'zh-CN', endpoint: `${test.server.url}/` })
    expect(test.server.requests[0]?.headers['content-language']).toBe('zh-CN')
    expect(test.server.requests[0]?.url).toBe('/api')
  })

  it('keeps an endpoint path prefix (a portal reverse proxy)', async () => {
    await call({ endpoint: `${test.server.url}/tower` })
    expect(test.server.requests[0]?.url).toBe('/tower/api')
  })

  it('accepts a same-origin path endpoint with the page as base', async () => {
    vi.stubGlobal('location', new URL(`${test.server.url}/portal/`))
    try {
      await expect(call({ endpoint: '/tower' })).resolves.toEqual(SEED_VNC)
    } finally {
      vi.unstubAllGlobals()
    }
    expect(test.server.requests[0]?.url).toBe('/tower/api')
  })

  it('passes a path endpoint to a custom fetch untouched', async () => {
    const seen: string[] = []
    const customFetch: typeof fetch = (input, init) => {
      seen.push(String(input))
      return fetch(new URL(String(input), test.server.url), init)
    }
    await expect(call({ endpoint: '/tower', fetch: customFetch })).resolves.toEqual(SEED_VNC)
    expect(seen).toEqual(['/tower/api'])
  })

  it('refuses a path endpoint outside a browser without a custom fetch', async () => {
    const error = await failure(call({ endpoint: '/tower' }))
    expect(error.kind).toBe('invalid_input')
    expect(test.server.requests).toHaveLength(0)
  })

  it.each([
    ['an empty endpoint', { endpoint: '' }],
    ['a javascript: endpoint', { endpoint: 'javascript:alert(1)' }],
    ['credentials in the endpoint', { endpoint: 'https://user:pw@tower.example.com' }],
    ['a query in the endpoint', { endpoint: 'https://tower.example.com/?x=1' }],
    ['a protocol-relative endpoint', { endpoint: '//tower.example.com' }],
    ['an empty token', { token: '' }],
    ['an empty vm id', { vmId: ' ' }],
    ['an unknown language', { language: 'fr-FR' as 'en-US' }],
    ['a zero timeout', { timeoutMs: 0 }],
    ['a token with a line break', { token: 'abc\r\nX-Injected: 1' }],
    ['a token beyond Latin-1', { token: 'tök€n' }],
  ])('refuses %s without a request', async (_, extra) => {
    const error = await failure(call(extra))
    expect(error.kind).toBe('invalid_input')
    expect(error.provider).toBe('cloudtower')
    expect(error.retryable).toBe(false)
    expect(test.server.requests).toHaveLength(0)
  })

  it.each([
    'PERMISSION_DENIED',
    'LOGIN_FAILED',
    'USER_NOT_FOUND',
    'USER_PASSWORD_INCORRECT',
    'NOT_MATCH_USER',
    'LOAD_TOKEN_FAILED',
  ])('maps the top-level error code %s (HTTP 200) to unauthorized', async (code) => {
    test.server.handle((_, res) =>
      json(res, 200, { data: null, errors: [{ message: 'token is invalid', code }] }),
    )
    const error = await failure(call())
    expect(error).toMatchObject({ kind: 'unauthorized', code, status: 200, retryable: false })
    expect(error.message).toMatch(/Sign in again/)
    expect(error.message).toContain('token is invalid')
  })

  it('maps data.vnc null to not_found', async () => {
    test.server.handle((_, res) => json(res, 200, { data: { vnc: null } }))
    const error = await failure(call())
    expect(error).toMatchObject({ kind: 'not_found', retryable: false })
    expect(error.message).toContain('vm-1')
  })

  it('lets a known code win over data.vnc null', async () => {
    test.server.handle((_, res) =>
      json(res, 200, { data: { vnc: null }, errors: [{ message: 'no', code: 'LOGIN_FAILED' }] }),
    )
    expect((await failure(call())).kind).toBe('unauthorized')
  })

  it('maps data.vnc null with an unknown code to not_found, keeping the code', async () => {
    test.server.handle((_, res) =>
      json(res, 200, { data: { vnc: null }, errors: [{ message: 'gone', code: 'SOMETHING' }] }),
    )
    expect(await failure(call())).toMatchObject({ kind: 'not_found', code: 'SOMETHING' })
  })

  it('maps an unknown GraphQL error without data to a non-retryable server error', async () => {
    test.server.handle((_, res) => json(res, 200, { errors: [{ message: 'boom' }] }))
    expect(await failure(call())).toMatchObject({ kind: 'server', retryable: false })
  })

  it('ignores codes under extensions (CloudTower puts them at the top level)', async () => {
    test.server.handle((_, res) =>
      json(res, 200, {
        data: null,
        errors: [{ message: 'x', extensions: { code: 'LOGIN_FAILED' } }],
      }),
    )
    expect((await failure(call())).kind).toBe('server')
  })

  it.each([
    [401, 'unauthorized', false],
    [403, 'forbidden', false],
    [404, 'not_found', false],
    [429, 'rate_limited', true],
    [500, 'server', true],
    [503, 'server', true],
  ] as const)('maps HTTP %i to %s', async (status, kind, retryable) => {
    test.server.handle((_, res) => json(res, status, { message: 'nope' }))
    expect(await failure(call())).toMatchObject({ kind, status, retryable })
  })

  it('explains an HTML error page of a proxy', async () => {
    test.server.handle((_, res) => {
      res.writeHead(502, { 'content-type': 'text/html' })
      res.end('<html><body><h1>502 Bad Gateway</h1></body></html>')
    })
    const error = await failure(call())
    expect(error).toMatchObject({ kind: 'server', status: 502, retryable: true })
    expect(error.message).toMatch(/HTML page/)
  })

  it('explains an HTML page answered with 200 (the endpoint is the UI, not the API)', async () => {
    test.server.handle((_, res) => {
      res.writeHead(200, { 'content-type': 'text/html' })
      res.end('<!DOCTYPE html><html><head><title>CloudTower</title></head></html>')
    })
    const error = await failure(call())
    expect(error.kind).toBe('invalid_response')
    expect(error.message).toMatch(/HTML page/)
  })

  it('reports malformed JSON as invalid_response', async () => {
    test.server.handle((_, res) => res.writeHead(200).end('{"data": {"vnc": '))
    expect((await failure(call())).kind).toBe('invalid_response')
  })

  it.each([
    ['a missing field', { ...SEED_VNC, host_ip: undefined }],
    ['an empty field', { ...SEED_VNC, vm_uuid: '' }],
    ['a number field', { ...SEED_VNC, cluster_ip: 1 }],
    ['a raw_token that is not 32 hex digits', { ...SEED_VNC, raw_token: 'xyz' }],
    ['a token that is not base64', { ...SEED_VNC, token: 'not base64!' }],
  ])('rejects an answer with %s', async (_, vnc) => {
    test.server.handle((_, res) => json(res, 200, { data: { vnc } }))
    const error = await failure(call())
    expect(error.kind).toBe('invalid_response')
    expect(error.message).not.toContain(SEED_VNC.token)
    expect(error.message).not.toContain(SEED_VNC.raw_token)
  })

  it('never puts the token in a message, even when the server echoes it', async () => {
    test.server.handle((req, res) =>
      json(res, 200, {
        data: null,
        errors: [
          {
            message: `invalid token ${String(req.headers['authorization'])} (${encodeURIComponent(TOKEN)})`,
            code: 'LOGIN_FAILED',
          },
        ],
      }),
    )
    const error = await failure(call())
    expect(error.message).toContain('***')
    expect(error.message).not.toContain(encodeURIComponent(TOKEN))
  })

  it('never leaks the start of a token that a long upstream message cuts in half', async () => {
    test.server.handle((req, res) =>
      json(res, 200, {
        data: null,
        errors: [
          { message: `${'x'.repeat(180)} ${String(req.headers['authorization'])}`, code: 'X' },
        ],
      }),
    )
    const error = await failure(call())
    expect(error.message).not.toContain(TOKEN.slice(0, 12))
  })

  it('times out a slow server', async () => {
    test.server.handle(async (_, res) => {
      await new Promise((r) => setTimeout(r, 2_000))
      json(res, 200, { data: { vnc: SEED_VNC } })
    })
    const started = Date.now()
    const error = await failure(call({ timeoutMs: 100 }))
    expect(error).toMatchObject({ kind: 'timeout', retryable: true })
    expect(Date.now() - started).toBeLessThan(1_500)
  })

  it('times out a server that sends headers and then stalls the body', async () => {
    test.server.handle((_, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.write('{"data":')
    })
    expect((await failure(call({ timeoutMs: 150 }))).kind).toBe('timeout')
  })

  it('stops when the caller aborts, and does not start when already aborted', async () => {
    test.server.handle(() => undefined)
    const controller = new AbortController()
    const pending = call({ signal: controller.signal })
    setTimeout(() => controller.abort(), 50)
    expect(await failure(pending)).toMatchObject({ kind: 'aborted', retryable: false })

    test.server.requests.length = 0
    expect((await failure(call({ signal: AbortSignal.abort() }))).kind).toBe('aborted')
    expect(test.server.requests).toHaveLength(0)
  })

  it('reports an unreachable endpoint as a network error', async () => {
    const closed = await startTestServer()
    const url = closed.url
    await closed.close()
    const error = await failure(call({ endpoint: url }))
    expect(error).toMatchObject({ kind: 'network', retryable: true })
    expect(error.message).toMatch(/Could not reach CloudTower/)
  })
})
