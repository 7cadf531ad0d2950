import { expect, it } from 'vitest'
import { cloudTowerTaskView } from './cloudTowerTaskView.ts'
import type { FakePowerOperation } from './types.ts'

const base: FakePowerOperation = {
  id: 'task-1',
  provider: 'cloudtower',
  resourceId: 'vm-1',
  action: 'forceRestart',
  phase: 'pending',
  createdAt: Date.UTC(2026, 0, 2, 3, 4, 5),
}

it('spells the task statuses as CloudTower does, SUCCESSED included', () => {
  const statuses = (['pending', 'running', 'success', 'failed'] as const).map(
    (phase) => cloudTowerTaskView({ ...base, phase }).status,
  )
  expect(statuses).toEqual(['PENDING', 'EXECUTING', 'SUCCESSED', 'FAILED'])
})

it('carries the required Task fields, times and the error', () => {
  expect(cloudTowerTaskView(base)).toMatchObject({
    id: 'task-1',
    progress: 0,
    internal: false,
    steps: [],
    snapshot: '{}',
    args: { where: { id: 'vm-1' } },
    resource_id: 'vm-1',
    resource_mutation: 'forceRestartVm',
    local_created_at: '2026-01-02T03:04:05.000Z',
    started_at: null,
    finished_at: null,
    error_code: null,
    error_message: null,
  })
  const failed = cloudTowerTaskView({
    ...base,
    phase: 'failed',
    finishedAt: base.createdAt,
    error: { code: 'ResourceLocked', message: 'locked' },
  })
  expect(failed).toMatchObject({
    progress: 1,
    finished_at: '2026-01-02T03:04:05.000Z',
    error_code: 'ResourceLocked',
    error_message: 'locked',
  })
})
