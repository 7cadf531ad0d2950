import { asRecord } from '../http/asRecord.js'
import type { EcsApiArgs } from './requestEcsApi.js'
import type { PowerTask } from '../power/PowerTask.js'
import { requestEcsApi } from './requestEcsApi.js'
import { responseError } from '../http/responseError.js'
import { validatePathSegment } from '../http/validatePathSegment.js'

export type FetchEcsJobArgs = EcsApiArgs & { jobId: string }

// Job statuses of ECS's "Querying Job Execution Status".
const STATUSES: Readonly<Record<string, PowerTask['status']>> = {
  INIT: 'pending',
  RUNNING: 'running',
  SUCCESS: 'succeeded',
  FAIL: 'failed',
}

const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined)

/** Reads an ECS job once (`GET /v1/{project_id}/jobs/{job_id}`). */
export async function fetchEcsJob(args: FetchEcsJobArgs): Promise<PowerTask> {
  const { jobId } = args
  const job = validatePathSegment(jobId, 'job id', 'ecs')
  const response = await requestEcsApi(args, `jobs/${job}`)
  const body = asRecord(response.json)
  const cloudStatus = body?.status
  if (response.ok && typeof cloudStatus === 'string' && Object.hasOwn(STATUSES, cloudStatus)) {
    // A batch job fails through its sub-job (one per server): its reason is the useful one.
    const subJobs: unknown = asRecord(body?.entities)?.sub_jobs
    const sub = asRecord(Array.isArray(subJobs) ? subJobs[0] : undefined)
    const code = text(body?.error_code) ?? text(sub?.error_code)
    const reason = text(body?.fail_reason) ?? text(sub?.fail_reason)
    return {
      status: STATUSES[cloudStatus]!,
      cloudStatus,
      ...(code ? { code } : {}),
      ...(reason ? { reason } : {}),
    }
  }
  throw responseError(
    'ecs',
    response,
    [args.authToken],
    undefined,
    `job "${jobId}"`,
    undefined,
    'status',
  )
}
