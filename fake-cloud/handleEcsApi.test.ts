import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeCloud } from './startFakeCloud.ts'
import type { FakeCloudHandle } from './types.ts'

const PROJECT = '13c67a214ced4afb88d911ae4bd5721a'
const SERVER = '47bc79ae-df61-4ade-9197-283a74e5d70e'
const BODY = { remote_console: { protocol: 'vnc', type: 'novnc' } }

let cloud: FakeCloudHandle
beforeAll(async () => {
  cloud = await startFakeCloud({ vncTarget: null, powerDelayMs: 800 }) // generous: checks read the state mid-job
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

const DB = '9a1c7d52-3e4b-4f60-8a71-b2c3d4e5f607'
const DELETED = 'd0e1f2a3-b4c5-4d6e-8f70-8192a3b4c5d6'

async function ecsCall(
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  token = 'fake-ecs-token',
) {
  const response = await fetch(`${cloud.url}/v1/${PROJECT}${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-auth-token': token },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  })
  return { status: response.status, json: (await response.json()) as Record<string, unknown> }
}
const server = async (id: string) =>
  (await ecsCall('GET', `/cloudservers/${id}`)).json.server as Record<string, unknown>
const job = async (id: string) => (await ecsCall('GET', `/jobs/${id}`)).json
const action = async (body: unknown) => {
  const { status, json } = await ecsCall('POST', '/cloudservers/action', body)
  expect(status).toBe(200)
  return json.job_id as string
}
async function jobDone(id: string, timeoutMs = 5000) {
  const seen: string[] = []
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const { status } = (await job(id)) as { status: string }
    if (seen.at(-1) !== status) seen.push(status)
    if (status === 'SUCCESS' || status === 'FAIL') return seen
    if (Date.now() > deadline) throw new Error(`job still ${status}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe('ECS GET /v1/{project_id}/cloudservers/{server_id}', () => {
  it('answers status with its OS-EXT-STS states', async () => {
    const { status, json } = await ecsCall('GET', `/cloudservers/${DB}`)
    expect(status).toBe(200)
    expect(json).toEqual({
      server: {
        id: DB,
        name: 'ecs-db-01',
        status: 'SHUTOFF',
        tenant_id: PROJECT,
        'OS-EXT-STS:vm_state': 'stopped',
        'OS-EXT-STS:task_state': '',
        'OS-EXT-STS:power_state': 4,
        'OS-EXT-STS:locked': false,
      },
    })
    expect(await server(SERVER)).toMatchObject({
      status: 'ACTIVE',
      'OS-EXT-STS:vm_state': 'active',
    })
    expect(await server(DELETED)).toMatchObject({ status: 'DELETED' })
  })

  it('answers the gateway and service errors as for the console', async () => {
    expect(await ecsCall('GET', `/cloudservers/nope`)).toMatchObject({
      status: 404,
      json: { error: { code: 'Ecs.0114' } },
    })
    expect(await ecsCall('GET', `/cloudservers/${DB}`, undefined, 'bad')).toMatchObject({
      status: 401,
      json: { error_code: 'APIGW.0301' },
    })
    const other = await fetch(`${cloud.url}/v1/otherproject/cloudservers/${DB}`, {
      headers: { 'x-auth-token': 'fake-ecs-token' },
    })
    expect(other.status).toBe(403)
    expect(await other.json()).toMatchObject({ error: { code: 'Ecs.0003' } })
    expect((await ecsCall('POST', `/cloudservers/${DB}`, {})).status).toBe(404)
  })
})

describe('ECS POST /v1/{project_id}/cloudservers/action and GET /v1/{project_id}/jobs/{job_id}', () => {
  it("refuses the console of a stopped server with 409 (Nova's answer, an assumption)", async () => {
    const { status, json } = await remoteConsole({
      path: `/v1/${PROJECT}/cloudservers/${DB}/remote_console`,
    })
    expect(status).toBe(409)
    expect(json).toEqual({
      error: {
        code: 'Ecs.0000',
        message: `Cannot 'get_vnc_console' instance ${DB} while it is in vm_state stopped`,
      },
    })
  })

  it('starts a server: a job INIT/RUNNING → SUCCESS, task_state powering-on, then ACTIVE', async () => {
    const started = Date.now()
    const jobId = await action({ 'os-start': { servers: [{ id: DB }] } })
    expect(jobId).toMatch(/^[0-9a-f]{32}$/)
    expect(await server(DB)).toMatchObject({
      status: 'SHUTOFF',
      'OS-EXT-STS:task_state': 'powering-on',
    })
    const seen = await jobDone(jobId)
    expect(seen.at(-1)).toBe('SUCCESS')
    expect(['INIT', 'RUNNING']).toContain(seen[0])
    expect(Date.now() - started).toBeGreaterThanOrEqual(750)
    expect(await job(jobId)).toMatchObject({
      status: 'SUCCESS',
      job_id: jobId,
      job_type: 'batchStartServers',
      error_code: null,
      fail_reason: null,
      entities: {
        sub_jobs_total: 1,
        sub_jobs: [{ status: 'SUCCESS', entities: { server_id: DB }, job_type: 'startServer' }],
      },
    })
    expect(await server(DB)).toMatchObject({ status: 'ACTIVE', 'OS-EXT-STS:task_state': '' })
    expect(
      (await remoteConsole({ path: `/v1/${PROJECT}/cloudservers/${DB}/remote_console` })).status,
    ).toBe(200)
  })

  it('reboots SOFT and HARD (REBOOT / HARD_REBOOT meanwhile), stops SOFT and HARD', async () => {
    for (const [body, during, after] of [
      [{ reboot: { type: 'SOFT', servers: [{ id: DB }] } }, 'REBOOT', 'ACTIVE'],
      [{ reboot: { type: 'HARD', servers: [{ id: DB }] } }, 'HARD_REBOOT', 'ACTIVE'],
      [{ 'os-stop': { servers: [{ id: DB }] } }, 'ACTIVE', 'SHUTOFF'],
      [{ 'os-start': { servers: [{ id: DB }] } }, 'SHUTOFF', 'ACTIVE'],
      [{ 'os-stop': { type: 'HARD', servers: [{ id: DB }] } }, 'ACTIVE', 'SHUTOFF'],
    ] as const) {
      const jobId = await action(body)
      expect((await server(DB)).status).toBe(during)
      expect((await jobDone(jobId)).at(-1)).toBe('SUCCESS')
      expect((await server(DB)).status).toBe(after)
    }
  })

  it('reports what the state does not allow in the job (FAIL), as ECS does', async () => {
    const jobId = await action({ reboot: { type: 'SOFT', servers: [{ id: DB }] } })
    expect(await job(jobId)).toMatchObject({
      status: 'FAIL',
      error_code: 'Ecs.0000',
      fail_reason: `Cannot 'reboot' instance ${DB} while it is in vm_state stopped`,
      entities: { sub_jobs: [{ status: 'FAIL', entities: { server_id: DB } }] },
    })
  })

  it('answers Ecs.0005 for bad bodies, Ecs.0114 / Ecs.0614 for unknown and deleted servers', async () => {
    for (const body of [
      'x',
      {},
      { 'os-start': { servers: [] } },
      { reboot: { servers: [{ id: DB }] } },
    ]) {
      const { status, json } = await ecsCall('POST', '/cloudservers/action', body)
      expect(status).toBe(400)
      expect(json).toMatchObject({ error: { code: 'Ecs.0005' } })
    }
    expect(
      await ecsCall('POST', '/cloudservers/action', { 'os-start': { servers: [{ id: 'x' }] } }),
    ).toMatchObject({
      status: 404,
      json: { error: { code: 'Ecs.0114' } },
    })
    expect(
      await ecsCall('POST', '/cloudservers/action', { 'os-start': { servers: [{ id: DELETED }] } }),
    ).toMatchObject({
      status: 404,
      json: { error: { code: 'Ecs.0614' } },
    })
    expect(
      await ecsCall(
        'POST',
        '/cloudservers/action',
        { 'os-start': { servers: [{ id: DB }] } },
        'bad',
      ),
    ).toMatchObject({
      status: 401,
      json: { error_code: 'APIGW.0301' },
    })
    expect(await ecsCall('GET', '/jobs/no-such-job')).toMatchObject({
      status: 404,
      json: { code: 'Ecs.0000', message: 'The job no-such-job does not exist.' },
    })
    expect((await server(DB)).status).toBe('SHUTOFF')
  })
})
