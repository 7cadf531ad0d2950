import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeCloud } from './startFakeCloud.ts'
import type { FakeCloudHandle } from './types.ts'

const VNC_QUERY =
  'query vnc($input: VncInput!) { vnc(input: $input) { vm_uuid host_ip cluster_ip raw_token token}}'
const LOGIN = 'mutation($data: LoginInput!){ login(data:$data){ token } }'
const ADMIN = 'fake-cloudtower-admin-token'

let cloud: FakeCloudHandle
beforeAll(async () => {
  cloud = await startFakeCloud({ vncTarget: null, clusterIp: '10.0.0.2' })
})
afterAll(() => cloud.close())

async function graphql(
  body: unknown,
  headers: Record<string, string> = { authorization: ADMIN },
): Promise<{ status: number; json: Record<string, unknown>; type: string | null }> {
  const response = await fetch(`${cloud.url}/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  return {
    status: response.status,
    json: (await response.json()) as Record<string, unknown>,
    type: response.headers.get('content-type'),
  }
}

const vncRequest = (id: string) => ({
  operationName: 'vnc',
  variables: { input: { vm: { id } } },
  query: VNC_QUERY,
})

describe('CloudTower POST /api', () => {
  it('answers the seed vnc query with exactly the seed fields', async () => {
    const issued = cloud.stats.issuedTokens
    const { status, json, type } = await graphql(vncRequest('vm-ubuntu-01'), {
      authorization: ADMIN,
      'content-language': 'en-US',
    })
    expect(status).toBe(200)
    expect(type).toMatch(/^application\/json/)
    expect(Object.keys(json)).toEqual(['data'])
    const vnc = (json.data as { vnc: Record<string, string> }).vnc
    expect(Object.keys(vnc).sort()).toEqual(
      ['cluster_ip', 'host_ip', 'raw_token', 'token', 'vm_uuid'].sort(),
    )
    expect(vnc.raw_token).toMatch(/^[0-9a-f]{32}$/)
    expect(vnc.token).toMatch(/^[A-Za-z0-9+/]+=+$/)
    expect(vnc.token).toContain('+')
    expect(vnc.token).toContain('/')
    expect(vnc).toMatchObject({
      vm_uuid: '00000000-0000-0000-0000-000000000000',
      cluster_ip: '10.0.0.2',
      host_ip: '192.168.5.4',
    })
    expect(cloud.stats.issuedTokens).toBe(issued + 1)
  })

  it('issues fresh tokens on every call', async () => {
    const a = await graphql(vncRequest('vm-ubuntu-01'))
    const b = await graphql(vncRequest('vm-ubuntu-01'))
    expect(a.json).not.toEqual(b.json)
  })

  it('answers only the selected fields and recognises the query without operationName', async () => {
    const { json } = await graphql({
      variables: { input: { vm: { id: 'vm-windows-01' } } },
      query: 'query ($input: VncInput!) { vnc(input: $input) { token host_ip } }',
    })
    const vnc = (json.data as { vnc: Record<string, string> }).vnc
    expect(Object.keys(vnc).sort()).toEqual(['host_ip', 'token'])
  })

  it.each([
    ['no Authorization', {}],
    ['an unknown token', { authorization: 'nope' }],
    ['a Bearer prefix', { authorization: `Bearer ${ADMIN}` }],
  ])('answers LOAD_TOKEN_FAILED with HTTP 200 for %s', async (_, headers) => {
    const { status, json } = await graphql(vncRequest('vm-ubuntu-01'), headers)
    expect(status).toBe(200)
    expect(json).toEqual({
      data: null,
      errors: [
        {
          message: 'Failed to load the login token. Please log in again.',
          code: 'LOAD_TOKEN_FAILED',
        },
      ],
    })
  })

  it('speaks Chinese when content-language is zh-CN', async () => {
    const { json } = await graphql(vncRequest('vm-ubuntu-01'), { 'content-language': 'zh-CN' })
    expect(json.errors).toEqual([
      { message: '加载登录令牌失败，请重新登录。', code: 'LOAD_TOKEN_FAILED' },
    ])
  })

  it('denies vnc to read-only users with PERMISSION_DENIED at the top level', async () => {
    const { status, json } = await graphql(vncRequest('vm-ubuntu-01'), {
      authorization: 'fake-cloudtower-viewer-token',
    })
    expect(status).toBe(200)
    expect(json.data).toBeNull()
    const [error] = json.errors as Record<string, unknown>[]
    expect(error).toMatchObject({ code: 'PERMISSION_DENIED' })
    expect(error).not.toHaveProperty('extensions')
  })

  it('answers data.vnc null and VM_NOT_FOUND for an unknown VM', async () => {
    const issued = cloud.stats.issuedTokens
    const { status, json } = await graphql(vncRequest('no-such-vm'), {
      authorization: ADMIN,
      'content-language': 'zh-CN',
    })
    expect(status).toBe(200)
    expect(json).toEqual({
      data: { vnc: null },
      errors: [{ message: '虚拟机不存在。', code: 'VM_NOT_FOUND', path: ['vnc'] }],
    })
    expect(cloud.stats.issuedTokens).toBe(issued)
  })

  it('logs in and accepts the session token as the raw Authorization header', async () => {
    const login = await graphql(
      {
        query: LOGIN,
        variables: { data: { username: 'admin', password: 'admin123', source: 'LOCAL' } },
      },
      {},
    )
    expect(login.status).toBe(200)
    const token = (login.json.data as { login: { token: string } }).login.token
    expect(token).toMatch(/^[0-9a-f]{48}$/)
    const { json } = await graphql(vncRequest('vm-ubuntu-01'), { authorization: token })
    expect((json.data as { vnc: { vm_uuid: string } }).vnc.vm_uuid).toBe(
      '00000000-0000-0000-0000-000000000000',
    )
  })

  it.each([
    [{ username: 'admin', password: 'wrong', source: 'LOCAL' }, 'LOGIN_FAILED'],
    [{ username: 'admin', password: 'admin123', source: 'LDAP' }, 'LOGIN_FAILED'],
    [{ username: 'ghost', password: 'x', source: 'LOCAL' }, 'USER_NOT_FOUND'],
  ])('refuses login %j with %s', async (data, code) => {
    const { status, json } = await graphql({ query: LOGIN, variables: { data } }, {})
    expect(status).toBe(200)
    expect(json).toMatchObject({ data: null, errors: [{ code }] })
  })

  it('lists VMs for the demo portal', async () => {
    const { json } = await graphql(
      { operationName: 'vms', query: 'query vms { vms { id name status } }' },
      { authorization: 'fake-cloudtower-viewer-token' },
    )
    const vms = (json.data as { vms: Record<string, string>[] }).vms
    expect(vms).toContainEqual({ id: 'vm-ubuntu-01', name: 'ubuntu-24.04-web', status: 'RUNNING' })
    expect(vms).toHaveLength(cloud.inventory.cloudTower.vms.length)
  })

  it('answers 400 for bodies it cannot read as one of its operations', async () => {
    for (const body of ['not json', { query: '{ clusters { id } }' }, []]) {
      const { status, json } = await graphql(body)
      expect(status).toBe(400)
      expect(json).toMatchObject({ errors: [{ code: 'GRAPHQL_VALIDATION_FAILED' }] })
    }
  })

  it('sees inventory edits made through the handle', async () => {
    cloud.inventory.cloudTower.vms.push({
      id: 'vm-added',
      uuid: '11111111-1111-1111-1111-111111111111',
      name: 'added',
      status: 'RUNNING',
      hostIp: '10.1.1.1',
      vnc: '127.0.0.1:5909',
    })
    const { json } = await graphql(vncRequest('vm-added'))
    expect(json.data).toMatchObject({ vnc: { host_ip: '10.1.1.1' } })
  })
})
