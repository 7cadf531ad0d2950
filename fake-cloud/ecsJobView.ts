import type { FakePowerAction, FakePowerOperation } from './types.ts'

const TYPES: Record<FakePowerAction, [job: string, subJob: string]> = {
  start: ['batchStartServers', 'startServer'],
  shutdown: ['batchStopServers', 'stopServer'],
  poweroff: ['batchStopServers', 'stopServer'],
  restart: ['batchRebootServers', 'rebootServer'],
  forceRestart: ['batchRebootServers', 'rebootServer'],
}
const STATUS = { pending: 'INIT', running: 'RUNNING', success: 'SUCCESS', failed: 'FAIL' } as const
const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString())

/**
 * One batch action as `GET /v1/{project_id}/jobs/{job_id}` answers it (ShowJob): the job is INIT
 * while every server waits, RUNNING while any runs, then SUCCESS, or FAIL when any failed; one
 * sub-job per server with its `server_id`.
 */
export function ecsJobView(
  jobId: string,
  operations: readonly FakePowerOperation[],
): Record<string, unknown> {
  const [first] = operations
  const [jobType, subJobType] = TYPES[first?.action ?? 'start']
  const phases = operations.map((operation) => operation.phase)
  const done = phases.every((phase) => phase === 'success' || phase === 'failed')
  const status = done
    ? phases.includes('failed')
      ? 'FAIL'
      : 'SUCCESS'
    : phases.every((phase) => phase === 'pending')
      ? 'INIT'
      : 'RUNNING'
  const failed = operations.find((operation) => operation.error)
  const ends = operations.map((operation) => operation.finishedAt ?? 0)
  return {
    status,
    job_id: jobId,
    job_type: jobType,
    begin_time: iso(first?.createdAt),
    end_time: done ? iso(Math.max(...ends)) : null,
    error_code: status === 'FAIL' ? (failed?.error?.code ?? null) : null,
    fail_reason: status === 'FAIL' ? (failed?.error?.message ?? null) : null,
    entities: {
      sub_jobs_total: operations.length,
      sub_jobs: operations.map((operation) => ({
        status: STATUS[operation.phase],
        entities: {
          server_id: operation.resourceId,
          ...(operation.error && { errorcode_message: operation.error.message }),
        },
        job_id: operation.id,
        job_type: subJobType,
        begin_time: iso(operation.createdAt),
        end_time: iso(operation.finishedAt),
        error_code: operation.error?.code ?? null,
        fail_reason: operation.error?.message ?? null,
      })),
    },
  }
}
