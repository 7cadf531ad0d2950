// The two options the console gateway's tests lean on: Nova's Origin check and revoking logins.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ecsSocketUrl, upgradeStatus } from '../test/support/console/node/index.ts'
import { startFakeCloud } from './startFakeCloud.ts'
import type { FakeCloudHandle } from './types.ts'

let cloud: FakeCloudHandle
beforeAll(async () => {
  cloud = await startFakeCloud({ builtInVnc: true, checkConsoleOrigin: true })
})
afterAll(() => cloud.close())

const graphql = async (body: object, authorization?: string) => {
  const response = await fetch(`${cloud.url}/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization && { authorization }) },
    body: JSON.stringify(body),
  })
  return (await response.json()) as {
    data: Record<string, Record<string, string>> | null
    errors?: { code: string }[]
  }
}
const ecsSocket = async () => {
  const response = await fetch(
    `${cloud.url}/v1/13c67a214ced4afb88d911ae4bd5721a/cloudservers/47bc79ae-df61-4ade-9197-283a74e5d70e/remote_console`,
    {
      method: 'POST',
      headers: { 'x-auth-token': 'fake-ecs-token' },
      body: JSON.stringify({ remote_console: { protocol: 'vnc', type: 'novnc' } }),
    },
  )
  const { remote_console } = (await response.json()) as { remote_console: { url: string } }
  return ecsSocketUrl(remote_console.url, cloud.url)
}

describe('checkConsoleOrigin', () => {
  it('refuses another origin without spending the token, and accepts its own or none', async () => {
    const url = await ecsSocket()
    const rejected = cloud.stats.rejectedUpgrades
    expect(await upgradeStatus(url, { origin: 'https://portal.example' })).toBe(403)
    expect(cloud.stats.rejectedUpgrades - rejected).toBe(1)
    expect(await upgradeStatus(url, { origin: cloud.url })).toBe(101)
    expect(await upgradeStatus(await ecsSocket())).toBe(101)
  })
})

describe('revokeSessions', () => {
  it('forgets login sessions, not the ready-made tokens', async () => {
    const login = await graphql({
      query: 'mutation($data: LoginInput!){ login(data:$data){ token } }',
      variables: { data: { username: 'admin', password: 'admin123', source: 'LOCAL' } },
    })
    const token = login.data?.login?.token ?? ''
    const vms = { query: 'query vms { vms { id } }' }
    expect((await graphql(vms, token)).errors).toBeUndefined()
    expect(cloud.revokeSessions()).toBeGreaterThanOrEqual(1)
    expect((await graphql(vms, token)).errors?.[0]?.code).toBe('LOAD_TOKEN_FAILED')
    expect((await graphql(vms, 'fake-cloudtower-admin-token')).errors).toBeUndefined()
  })
})
