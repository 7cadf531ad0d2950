// The hooks against the local fake cloud over real HTTP.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { renderHook, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startFakeCloud } from '../../fake-cloud/startFakeCloud.ts'
import type { FakeCloudHandle } from '../../fake-cloud/types.ts'
import { cloudTowerVncOptions } from '../../src/react/queries/cloudTowerVncOptions.js'
import { ecsConsoleOptions } from '../../src/react/queries/ecsConsoleOptions.js'
import { useCloudTowerVnc } from '../../src/react/queries/useCloudTowerVnc.js'
import { useEcsConsole } from '../../src/react/queries/useEcsConsole.js'

const TOKEN = 'fake-cloudtower-admin-token'
const PROJECT = '13c67a214ced4afb88d911ae4bd5721a'
const SERVER = '47bc79ae-df61-4ade-9197-283a74e5d70e'

let cloud: FakeCloudHandle
let client: QueryClient
beforeAll(async () => {
  cloud = await startFakeCloud({ vncTarget: null })
})
afterAll(() => cloud.close())
beforeEach(() => {
  cloud.faults.reset()
  client = new QueryClient()
})
const wrapper = ({ children }: { children: ReactNode }) => (
  <QueryClientProvider client={client}>{children}</QueryClientProvider>
)

describe('useCloudTowerVnc', () => {
  it('fetches one-time credentials and keeps the token out of the key', async () => {
    const { result } = renderHook(
      () => useCloudTowerVnc({ endpoint: cloud.url, token: TOKEN, vmId: 'vm-ubuntu-01' }),
      { wrapper },
    )
    await waitFor(() => expect(result.current.isSuccess).toBe(true))
    expect(result.current.data).toMatchObject({
      vm_uuid: '00000000-0000-0000-0000-000000000000',
      host_ip: '192.168.5.4',
    })
    expect(result.current.data?.raw_token).toMatch(/^[0-9a-f]{32}$/)
    const keys = JSON.stringify(
      client
        .getQueryCache()
        .getAll()
        .map((q) => q.queryKey),
    )
    expect(keys).toContain('vm-ubuntu-01')
    expect(keys).toContain(cloud.url)
    expect(keys).not.toContain(TOKEN)
  })

  it('stays disabled, not failing, while an argument is missing', async () => {
    const before = cloud.stats.requests
    const { result } = renderHook(
      () => useCloudTowerVnc({ endpoint: cloud.url, token: TOKEN, vmId: undefined }),
      { wrapper },
    )
    await new Promise((r) => setTimeout(r, 100))
    expect(result.current.status).toBe('pending')
    expect(result.current.fetchStatus).toBe('idle')
    expect(cloud.stats.requests).toBe(before)
  })

  it('fails with a typed ConsoleError and does not retry a refused token', async () => {
    const before = cloud.stats.requests
    const { result } = renderHook(
      () => useCloudTowerVnc({ endpoint: cloud.url, token: 'wrong', vmId: 'vm-ubuntu-01' }),
      { wrapper },
    )
    await waitFor(() => expect(result.current.isError).toBe(true))
    expect(result.current.error).toMatchObject({ name: 'ConsoleError', kind: 'unauthorized' })
    expect(cloud.stats.requests - before).toBe(1)
  })

  it('retries a 5xx, then succeeds', async () => {
    cloud.faults.set({ failNext: 2 })
    const before = cloud.stats.requests
    const { result } = renderHook(
      () =>
        useCloudTowerVnc(
          { endpoint: cloud.url, token: TOKEN, vmId: 'vm-ubuntu-01' },
          { retryDelay: 10 },
        ),
      { wrapper },
    )
    await waitFor(() => expect(result.current.isSuccess).toBe(true))
    expect(cloud.stats.requests - before).toBe(3)
  })

  it('never caches: a new mount fetches new credentials, an unmount drops the entry', async () => {
    const args = { endpoint: cloud.url, token: TOKEN, vmId: 'vm-ubuntu-01' }
    const first = renderHook(() => useCloudTowerVnc(args), { wrapper })
    await waitFor(() => expect(first.result.current.isSuccess).toBe(true))
    const token1 = first.result.current.data?.token
    first.unmount()
    await waitFor(() => expect(client.getQueryCache().getAll()).toHaveLength(0))
    const second = renderHook(() => useCloudTowerVnc(args), { wrapper })
    await waitFor(() => expect(second.result.current.isSuccess).toBe(true))
    expect(second.result.current.data?.token).not.toBe(token1)
  })

  it('exposes the defaults on the options factory', () => {
    const options = cloudTowerVncOptions({ endpoint: '/tower', token: 't', vmId: 'v' })
    expect(options).toMatchObject({
      staleTime: 0,
      gcTime: 0,
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
    })
  })
})

describe('useEcsConsole', () => {
  it('fetches the console page URL', async () => {
    const { result } = renderHook(
      () =>
        useEcsConsole({
          endpoint: cloud.url,
          projectId: PROJECT,
          serverId: SERVER,
          authToken: 'fake-ecs-token',
        }),
      { wrapper },
    )
    await waitFor(() => expect(result.current.isSuccess).toBe(true))
    expect(result.current.data).toMatchObject({ type: 'novnc', protocol: 'vnc' })
    expect(result.current.data?.url).toMatch(/\/vnc_auto\.html\?token=[^&]+&lang=EN&tLength=70$/)
  })

  it('maps both Huawei error shapes', async () => {
    const unknown = renderHook(
      () =>
        useEcsConsole({
          endpoint: cloud.url,
          projectId: PROJECT,
          serverId: 'no-such-server',
          authToken: 'fake-ecs-token',
        }),
      { wrapper },
    )
    await waitFor(() => expect(unknown.result.current.isError).toBe(true))
    expect(unknown.result.current.error).toMatchObject({ kind: 'not_found', code: 'Ecs.0114' })

    const refused = renderHook(
      () =>
        useEcsConsole({
          endpoint: cloud.url,
          projectId: PROJECT,
          serverId: SERVER,
          authToken: 'x',
        }),
      { wrapper },
    )
    await waitFor(() => expect(refused.result.current.isError).toBe(true))
    expect(refused.result.current.error).toMatchObject({ kind: 'unauthorized', code: 'APIGW.0301' })
    const keys = JSON.stringify(
      client
        .getQueryCache()
        .getAll()
        .map((q) => q.queryKey),
    )
    expect(keys).not.toContain('fake-ecs-token')
    expect(ecsConsoleOptions({ endpoint: 'x', projectId: 'p', serverId: 's' }).gcTime).toBe(0)
  })
})
