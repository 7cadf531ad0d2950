import { expect, it } from 'vitest'
import { ecsJobView } from './ecsJobView.ts'
import type { FakePowerOperation } from './types.ts'

const op = (phase: FakePowerOperation['phase'], extra: Partial<FakePowerOperation> = {}) =>
  ({
    id: `sub-${phase}`,
    provider: 'ecs',
    resourceId: `server-${phase}`,
    action: 'start',
    phase,
    createdAt: Date.UTC(2026, 0, 1),
    ...extra,
  }) as FakePowerOperation

it('is INIT, RUNNING, SUCCESS or FAIL as its servers are', () => {
  expect(ecsJobView('j', [op('pending')]).status).toBe('INIT')
  expect(ecsJobView('j', [op('pending'), op('running')]).status).toBe('RUNNING')
  expect(ecsJobView('j', [op('success'), op('running')]).status).toBe('RUNNING')
  expect(ecsJobView('j', [op('success', { finishedAt: 1 })]).status).toBe('SUCCESS')
  expect(ecsJobView('j', [op('success'), op('failed')]).status).toBe('FAIL')
})

it('has the documented fields, one sub-job per server', () => {
  const failed = op('failed', {
    action: 'restart',
    finishedAt: Date.UTC(2026, 0, 1, 0, 0, 2),
    error: { code: 'Ecs.0000', message: "Cannot 'reboot' instance" },
  })
  expect(ecsJobView('job-1', [failed])).toEqual({
    status: 'FAIL',
    job_id: 'job-1',
    job_type: 'batchRebootServers',
    begin_time: '2026-01-01T00:00:00.000Z',
    end_time: '2026-01-01T00:00:02.000Z',
    error_code: 'Ecs.0000',
    fail_reason: "Cannot 'reboot' instance",
    entities: {
      sub_jobs_total: 1,
      sub_jobs: [
        {
          status: 'FAIL',
          entities: { server_id: 'server-failed', errorcode_message: "Cannot 'reboot' instance" },
          job_id: 'sub-failed',
          job_type: 'rebootServer',
          begin_time: '2026-01-01T00:00:00.000Z',
          end_time: '2026-01-01T00:00:02.000Z',
          error_code: 'Ecs.0000',
          fail_reason: "Cannot 'reboot' instance",
        },
      ],
    },
  })
  expect(ecsJobView('job-2', [op('running')])).toMatchObject({
    job_type: 'batchStartServers',
    end_time: null,
    error_code: null,
    fail_reason: null,
  })
})
