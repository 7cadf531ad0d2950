import { asRecord } from '../http/asRecord.js'
import { cloudTowerErrorKind } from './cloudTowerErrorKind.js'
import { ConsoleError } from '../errors/ConsoleError.js'
import type { PowerTask } from '../power/PowerTask.js'
import { postCloudTower, type CloudTowerRestArgs } from './postCloudTower.js'
import { responseError } from '../http/responseError.js'

export type FetchCloudTowerTaskArgs = CloudTowerRestArgs & { taskId: string }

// TaskStatus of CloudTower's OpenAPI spec (SUCCESSED is its spelling). A paused task is not done.
const STATUSES: Readonly<Record<string, PowerTask['status']>> = {
  PENDING: 'pending',
  PAUSED: 'pending',
  EXECUTING: 'running',
  SUCCESSED: 'succeeded',
  FAILED: 'failed',
}

/** Reads a CloudTower task once (`POST /v2/api/get-tasks` with `{ where: { id } }`). */
export async function fetchCloudTowerTask(args: FetchCloudTowerTaskArgs): Promise<PowerTask> {
  const { taskId } = args
  const response = await postCloudTower(args, 'v2/api/get-tasks', taskId, 'task id')
  const list = response.json
  if (response.ok && Array.isArray(list)) {
    if (list.length === 0) {
      throw new ConsoleError({
        kind: 'not_found',
        provider: 'cloudtower',
        status: response.status,
        message: `CloudTower has no task "${taskId}".`,
      })
    }
    const task = asRecord(list[0])
    const cloudStatus = task?.status
    if (typeof cloudStatus === 'string' && Object.hasOwn(STATUSES, cloudStatus)) {
      const { error_code: code, error_message: reason } = task ?? {}
      return {
        status: STATUSES[cloudStatus]!,
        cloudStatus,
        ...(typeof code === 'string' && code ? { code } : {}),
        ...(typeof reason === 'string' && reason ? { reason } : {}),
      }
    }
  }
  throw responseError(
    'cloudtower',
    response,
    [args.token],
    cloudTowerErrorKind,
    `task "${taskId}"`,
    undefined,
    'status',
  )
}
