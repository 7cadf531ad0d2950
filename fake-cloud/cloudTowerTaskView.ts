import type { FakePowerAction, FakePowerOperation } from './types.ts'

// CloudTower names a task's mutation after its GraphQL mutation.
const MUTATION: Record<FakePowerAction, string> = {
  start: 'startVm',
  shutdown: 'shutDownVm',
  poweroff: 'poweroffVm',
  restart: 'restartVm',
  forceRestart: 'forceRestartVm',
}
const STATUS = {
  pending: 'PENDING',
  running: 'EXECUTING',
  success: 'SUCCESSED', // sic: CloudTower's TaskStatus spells it so
  failed: 'FAILED',
} as const
const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString())

/**
 * A power operation as `POST /v2/api/get-tasks` answers it: CloudTower's `Task` (OpenAPI spec
 * 4.6.0, its required fields and the ones a client follows: status, progress, error_*).
 */
export function cloudTowerTaskView(operation: FakePowerOperation): Record<string, unknown> {
  const progress = { pending: 0, running: 0.5, success: 1, failed: 1 }[operation.phase]
  return {
    id: operation.id,
    status: STATUS[operation.phase],
    progress,
    description: `${MUTATION[operation.action]} ${operation.resourceId}`,
    args: { where: { id: operation.resourceId } },
    internal: false,
    snapshot: '{}',
    steps: [],
    key: null,
    type: null,
    user: null,
    cluster: null,
    resource_id: operation.resourceId,
    resource_type: 'Vm',
    resource_mutation: MUTATION[operation.action],
    local_created_at: iso(operation.createdAt),
    started_at: iso(operation.startedAt),
    finished_at: iso(operation.finishedAt),
    error_code: operation.error?.code ?? null,
    error_message: operation.error?.message ?? null,
  }
}
