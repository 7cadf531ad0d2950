import { afterAll, beforeAll, expect, it } from 'vitest'
import { json } from '../../../test/support/json.js'
import { startTestServer, type TestServer } from '../../../test/support/startTestServer.js'
import { ConsoleError } from '../errors/ConsoleError.js'
import { requestJson } from './requestJson.js'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.close())

const post = (extra: Partial<Parameters<typeof requestJson>[0]> = {}) =>
  requestJson({
    provider: 'ecs',
    url: `${server.url}/x`,
    headers: {},
    body: '{}',
    secrets: [],
    ...extra,
  })

it('returns status, parsed JSON and whether the body is an HTML page', async () => {
  server.handle((_, res) => json(res, 201, { ok: true }))
  await expect(post()).resolves.toMatchObject({
    status: 201,
    ok: true,
    json: { ok: true },
    html: false,
  })
  server.handle((_, res) => res.writeHead(503).end('\n <!doctype html><p>down'))
  await expect(post()).resolves.toMatchObject({
    status: 503,
    ok: false,
    json: undefined,
    html: true,
  })
  server.handle((_, res) => res.writeHead(200).end(''))
  await expect(post()).resolves.toMatchObject({ json: undefined, html: false })
})

it('sends JSON headers, which the caller may extend or override', async () => {
  server.requests.length = 0
  server.handle((_, res) => json(res, 200, {}))
  await post({ headers: { 'X-Extra': '1', accept: 'application/json, text/plain' } })
  expect(server.requests[0]?.headers).toMatchObject({
    'content-type': 'application/json',
    accept: 'application/json, text/plain',
    'x-extra': '1',
  })
})

it('GETs without a body or content-type when no body is given', async () => {
  server.requests.length = 0
  server.handle((_, res) => json(res, 200, { server: {} }))
  await expect(post({ body: undefined })).resolves.toMatchObject({ json: { server: {} } })
  expect(server.requests[0]).toMatchObject({ method: 'GET', body: '' })
  expect(server.requests[0]?.headers['content-type']).toBeUndefined()
  expect(server.requests[0]?.headers.accept).toBe('application/json')
})

it('calls a custom fetch as a plain function (browsers reject fetch called on an object)', async () => {
  server.handle((_, res) => json(res, 200, {}))
  let receiver: unknown = 'unset'
  const customFetch = function (this: unknown, input: RequestInfo | URL, init?: RequestInit) {
    // Recording the receiver is the point of this test.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    receiver = this
    return fetch(input, init)
  } as typeof fetch
  await post({ fetch: customFetch })
  expect(receiver).toBeUndefined()
})

it('redacts secrets from network errors', async () => {
  const customFetch: typeof fetch = () => Promise.reject(new TypeError('failed for s3cr3t-value'))
  const error = await post({ fetch: customFetch, secrets: ['s3cr3t-value'] }).catch(
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ConsoleError)
  expect((error as ConsoleError).message).not.toContain('s3cr3t-value')
})

it('passes a ConsoleError thrown by a custom fetch through unchanged', async () => {
  const own = new ConsoleError({ kind: 'forbidden', provider: 'ecs', message: 'proxy says no' })
  await expect(post({ fetch: () => Promise.reject(own) })).rejects.toBe(own)
})

it('takes any positive timeout: fractions, and more than a timer holds (which used to fire at once)', async () => {
  server.handle((_, res) => setTimeout(() => json(res, 200, { late: true }), 30))
  for (const timeoutMs of [2.5e9, 5e9, 1_000.5, Infinity]) {
    await expect(post({ timeoutMs })).resolves.toMatchObject({ json: { late: true } })
  }
})
