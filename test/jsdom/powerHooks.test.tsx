// The state and power hooks over real HTTP, against a local server that answers as the clouds'
// documents say (the fake cloud learns state and power separately).
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { cloudTowerErrorBody, cloudTowerVm } from '../support/cloudTowerRestBodies.ts'
import { ecsJob, ecsServer } from '../support/ecsBodies.ts'
import { json } from '../support/json.ts'
import { startTestServer, type TestServer } from '../support/startTestServer.ts'
import { useCloudTowerPower } from '../../src/react/queries/useCloudTowerPower.js'
import { useCloudTowerVmState } from '../../src/react/queries/useCloudTowerVmState.js'
import { useEcsPower } from '../../src/react/queries/useEcsPower.js'
import { useEcsServerState } from '../../src/react/queries/useEcsServerState.js'

const TOKEN = 'c2VjcmV0LXRvd2VyLXRva2Vu-4711'
const AUTH = 'MIIZsecret-iam-token-value'
const PROJECT = '13c67a214ced4afb88d911ae4bd5721a'
const SERVER = '47bc79ae-df61-4ade-9197-283a74e5d70e'

let server: TestServer
let client: QueryClient
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.close())
beforeEach(() => {
  server.requests.length = 0
  client = new QueryClient()
})
const wrapper = ({ children }: { children: ReactNode }) => (
  <QueryClientProvider client={client}>{children}</QueryClientProvider>
)
const paths = () => server.requests.map((r) => `${r.method} ${r.url}`)

// A small CloudTower: the VM runs once its start task was read twice.
function cloudTower() {
  let status = 'STOPPED'
  let reads = 0
  server.handle((request, res) => {
    if (request.url === '/v2/api/get-vms') return json(res, 200, [cloudTowerVm(status)])
    if (request.url === '/v2/api/start-vm')
      return json(res, 200, [{ task_id: 'task-1', data: cloudTowerVm(status) }])
    if (request.url === '/v2/api/get-tasks') {
      if (++reads < 2) return json(res, 200, [{ id: 'task-1', status: 'EXECUTING' }])
      status = 'RUNNING'
      return json(res, 200, [{ id: 'task-1', status: 'SUCCESSED' }])
    }
    return json(res, 404, cloudTowerErrorBody(404, 'no such operation'))
  })
}

describe('useCloudTowerVmState and useCloudTowerPower', () => {
  const args = { endpoint: '', token: TOKEN, vmId: 'vm-1', intervalMs: 5 }

  it('reads the state, starts the VM once, follows its task, then reads the state again', async () => {
    cloudTower()
    const { result } = renderHook(
      () => ({
        state: useCloudTowerVmState({ ...args, endpoint: server.url }),
        power: useCloudTowerPower({ ...args, endpoint: server.url }),
      }),
      { wrapper },
    )
    await waitFor(() => expect(result.current.state.data?.state).toBe('stopped'))
    act(() => result.current.power.mutate('start'))
    await waitFor(() => expect(result.current.power.isSuccess).toBe(true))
    expect(result.current.power.data).toEqual({ status: 'succeeded', cloudStatus: 'SUCCESSED' })
    await waitFor(() => expect(result.current.state.data?.state).toBe('running'))
    expect(paths()).toEqual([
      'POST /v2/api/get-vms',
      'POST /v2/api/start-vm',
      'POST /v2/api/get-tasks',
      'POST /v2/api/get-tasks',
      'POST /v2/api/get-vms',
    ])
    const keys = JSON.stringify(
      client
        .getQueryCache()
        .getAll()
        .map((q) => q.queryKey),
    )
    expect(keys).toContain('vm-1')
    expect(keys).not.toContain(TOKEN)
  })

  it('never repeats a refused power action, and says why', async () => {
    server.handle((_, res) => json(res, 500, cloudTowerErrorBody(500, 'internal error')))
    const { result } = renderHook(() => useCloudTowerPower({ ...args, endpoint: server.url }), {
      wrapper,
    })
    act(() => result.current.mutate('forceRestart'))
    await waitFor(() => expect(result.current.isError).toBe(true))
    expect(result.current.error).toMatchObject({ name: 'ConsoleError', kind: 'server' })
    expect(result.current.error?.message).not.toContain(TOKEN)
    expect(paths()).toEqual(['POST /v2/api/force-restart-vm'])
  })

  it('stays disabled while an argument is missing', async () => {
    const { result } = renderHook(
      () => useCloudTowerVmState({ endpoint: server.url, token: TOKEN, vmId: undefined }),
      { wrapper },
    )
    await new Promise((r) => setTimeout(r, 50))
    expect(result.current.fetchStatus).toBe('idle')
    expect(server.requests).toHaveLength(0)
  })
})

describe('useEcsServerState and useEcsPower', () => {
  it('force-restarts through the batch action API and follows the job', async () => {
    let reads = 0
    server.handle((request, res) => {
      if (request.url.endsWith('/cloudservers/action')) return json(res, 200, { job_id: 'job-1' })
      if (request.url.endsWith('/jobs/job-1'))
        return json(res, 200, ecsJob(++reads < 2 ? 'RUNNING' : 'SUCCESS'))
      return json(res, 200, ecsServer('ACTIVE', reads < 2 ? 'rebooting_hard' : null))
    })
    const args = { projectId: PROJECT, serverId: SERVER, authToken: AUTH, intervalMs: 5 }
    const { result } = renderHook(
      () => ({
        // This test counts requests: no refetch of its own while restarting.
        state: useEcsServerState({ ...args, endpoint: server.url }, { refetchInterval: false }),
        power: useEcsPower({ ...args, endpoint: server.url }),
      }),
      { wrapper },
    )
    await waitFor(() => expect(result.current.state.data?.state).toBe('restarting'))
    act(() => result.current.power.mutate('forceRestart'))
    await waitFor(() => expect(result.current.power.isSuccess).toBe(true))
    await waitFor(() => expect(result.current.state.data?.state).toBe('running'))
    const action = server.requests.find((r) => r.url.endsWith('/cloudservers/action'))
    expect(JSON.parse(action?.body ?? '')).toEqual({
      reboot: { type: 'HARD', servers: [{ id: SERVER }] },
    })
    expect(paths()).toEqual([
      `GET /v1/${PROJECT}/cloudservers/${SERVER}`,
      `POST /v1/${PROJECT}/cloudservers/action`,
      `GET /v1/${PROJECT}/jobs/job-1`,
      `GET /v1/${PROJECT}/jobs/job-1`,
      `GET /v1/${PROJECT}/cloudservers/${SERVER}`,
    ])
  })

  it('refetches the state by itself while the server is on its way, then stops', async () => {
    let reads = 0
    server.handle((_, res) =>
      json(res, 200, ++reads < 2 ? ecsServer('SHUTOFF', 'powering-on') : ecsServer('ACTIVE')),
    )
    const { result } = renderHook(
      () => useEcsServerState({ endpoint: server.url, projectId: PROJECT, serverId: SERVER }),
      { wrapper },
    )
    await waitFor(() => expect(result.current.data?.state).toBe('starting'))
    await waitFor(() => expect(result.current.data?.state).toBe('running'), { timeout: 5_000 })
    await new Promise((r) => setTimeout(r, 2_500))
    expect(server.requests).toHaveLength(2)
  })

  it('fails with the job’s reason when the job failed', async () => {
    server.handle((request, res) =>
      request.url.endsWith('/cloudservers/action')
        ? json(res, 200, { job_id: 'job-2' })
        : json(res, 200, ecsJob('FAIL', { error_code: 'Ecs.0610', fail_reason: 'No capacity.' })),
    )
    const { result } = renderHook(
      () =>
        useEcsPower({ endpoint: server.url, projectId: PROJECT, serverId: SERVER, intervalMs: 5 }),
      { wrapper },
    )
    act(() => result.current.mutate('start'))
    await waitFor(() => expect(result.current.isError).toBe(true))
    expect(result.current.error).toMatchObject({ kind: 'server', code: 'Ecs.0610' })
    expect(result.current.error?.message).toContain('No capacity.')
  })
})
