import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeCloud } from './startFakeCloud.ts'
import type { FakeCloudHandle } from './types.ts'

const PROJECT = '13c67a214ced4afb88d911ae4bd5721a'
const SERVER = '47bc79ae-df61-4ade-9197-283a74e5d70e'
const BODY = { remote_console: { protocol: 'vnc', type: 'novnc' } }

let cloud: FakeCloudHandle
beforeAll(async () => {
  cloud = await startFakeCloud({ vncTarget: null })
})
afterAll(() => cloud.close())

async function remoteConsole(
  options: { path?: string; token?: string | null; body?: unknown; method?: string } = {},
) {
  const path = options.path ?? `/v1/${PROJECT}/cloudservers/${SERVER}/remote_console`
  const token = options.token === undefined ? 'fake-ecs-token' : options.token
  const method = options.method ?? 'POST'
  const response = await fetch(`${cloud.url}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token === null ? {} : { 'x-auth-token': token }),
    },
    ...(method === 'GET'
      ? {}
      : {
          body:
            typeof options.body === 'string' ? options.body : JSON.stringify(options.body ?? BODY),
        }),
  })
  return { status: response.status, json: (await response.json()) as Record<string, unknown> }
}

describe('ECS POST /v1/{project_id}/cloudservers/{server_id}/remote_console', () => {
  it('answers the seed shape with a one-time console page URL on this server', async () => {
    const { status, json } = await remoteConsole()
    expect(status).toBe(200)
    expect(json).toEqual({
      remote_console: { type: 'novnc', protocol: 'vnc', url: expect.any(String) },
    })
    const { url } = json.remote_console as { url: string }
    const pattern = new RegExp(
      `^${cloud.url}/vnc_auto\\.html\\?token=[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}&lang=EN&tLength=70$`,
    )
    expect(url).toMatch(pattern)
  })

  it('serves the console page without spending the token', async () => {
    const { json } = await remoteConsole()
    const { url } = json.remote_console as { url: string }
    const redeemed = cloud.stats.redeemedTokens
    const page = await fetch(url)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toMatch(/^text\/html/)
    const html = await page.text()
    expect(html).toContain('fake')
    expect(html).toContain(`/websockify?token=${new URL(url).searchParams.get('token')}`)
    expect(cloud.stats.redeemedTokens).toBe(redeemed)
  })

  it.each([
    ['a missing X-Auth-Token', { token: null }],
    ['a wrong X-Auth-Token', { token: 'nope' }],
  ])('answers 401 APIGW.0301 for %s', async (_, options) => {
    const { status, json } = await remoteConsole(options)
    expect(status).toBe(401)
    expect(json).toEqual({
      error_code: 'APIGW.0301',
      error_msg: expect.stringContaining('IAM'),
      request_id: expect.stringMatching(/^[0-9a-f]{32}$/),
    })
  })

  it('answers 403 Ecs.0003 for a token of another project', async () => {
    const { status, json } = await remoteConsole({
      path: `/v1/ffffffffffffffffffffffffffffffff/cloudservers/${SERVER}/remote_console`,
    })
    expect(status).toBe(403)
    expect(json).toEqual({ error: { code: 'Ecs.0003', message: expect.any(String) } })
  })

  it.each([
    ['invalid JSON', '{'],
    ['no remote_console', {}],
    ['another protocol', { remote_console: { protocol: 'spice', type: 'novnc' } }],
    ['another type', { remote_console: { protocol: 'vnc', type: 'xvpvnc' } }],
  ])('answers 400 Ecs.0005 for %s', async (_, body) => {
    const { status, json } = await remoteConsole({ body })
    expect(status).toBe(400)
    expect(json).toEqual({ error: { code: 'Ecs.0005', message: expect.any(String) } })
  })

  it('answers 404 Ecs.0114 for an unknown server', async () => {
    const { status, json } = await remoteConsole({
      path: `/v1/${PROJECT}/cloudservers/00000000-0000-0000-0000-00000000dead/remote_console`,
    })
    expect(status).toBe(404)
    expect(json).toEqual({ error: { code: 'Ecs.0114', message: expect.any(String) } })
  })

  it('answers 404 Ecs.0614 for a deleted server', async () => {
    const { status, json } = await remoteConsole({
      path: `/v1/${PROJECT}/cloudservers/d0e1f2a3-b4c5-4d6e-8f70-8192a3b4c5d6/remote_console`,
    })
    expect(status).toBe(404)
    expect(json).toEqual({ error: { code: 'Ecs.0614', message: expect.any(String) } })
  })

  it.each([
    ['an unknown path', { path: '/v2/x/servers' }],
    ['a trailing slash', { path: `/v1/${PROJECT}/cloudservers/${SERVER}/remote_console/` }],
    ['GET', { method: 'GET' }],
  ])('answers 404 APIGW.0101 for %s, before checking the token', async (_, options) => {
    const { status, json } = await remoteConsole({ ...options, token: null })
    expect(status).toBe(404)
    expect(json).toMatchObject({ error_code: 'APIGW.0101', error_msg: expect.any(String) })
  })

  it('answers 429 APIGW.0308 while throttled', async () => {
    cloud.faults.set({ throttle: true })
    try {
      const { status, json } = await remoteConsole()
      expect(status).toBe(429)
      expect(json).toMatchObject({ error_code: 'APIGW.0308' })
    } finally {
      cloud.faults.reset()
    }
  })

  it('points console URLs at publicUrl when given', async () => {
    const other = await startFakeCloud({ vncTarget: null, publicUrl: 'https://console.example/' })
    try {
      const response = await fetch(
        `${other.url}/v1/${PROJECT}/cloudservers/${SERVER}/remote_console`,
        {
          method: 'POST',
          headers: { 'x-auth-token': 'fake-ecs-token' },
          body: JSON.stringify(BODY),
        },
      )
      const json = (await response.json()) as { remote_console: { url: string } }
      expect(json.remote_console.url).toMatch(/^https:\/\/console\.example\/vnc_auto\.html\?token=/)
    } finally {
      await other.close()
    }
  })
})
