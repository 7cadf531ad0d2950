import { asRecord } from '../http/asRecord.js'
import { ConsoleError } from '../errors/ConsoleError.js'
import type { FetchEcsRemoteConsoleArgs } from './fetchEcsRemoteConsole.js'
import type { PowerActionResult } from '../power/PowerActionResult.js'
import { requestEcsApi } from './requestEcsApi.js'
import { responseError } from '../http/responseError.js'
import type { VmPowerAction } from '../power/VmPowerAction.js'
import { validatePathSegment } from '../http/validatePathSegment.js'

export type RequestEcsPowerActionArgs = FetchEcsRemoteConsoleArgs & { action: VmPowerAction }

// The batch operations of `POST /v1/{project_id}/cloudservers/action`: [operation, type].
const OPERATIONS: Readonly<Record<VmPowerAction, readonly [string, string?]>> = {
  start: ['os-start'],
  shutdown: ['os-stop', 'SOFT'],
  poweroff: ['os-stop', 'HARD'],
  restart: ['reboot', 'SOFT'],
  forceRestart: ['reboot', 'HARD'],
}

/**
 * Asks ECS to start, stop (SOFT or HARD) or reboot (SOFT or HARD) a server through its batch
 * action API. It answers at once with a `job_id`: follow it with `fetchEcsJob` (or
 * `waitForPowerTask`) before trusting the state.
 */
export async function requestEcsPowerAction(
  args: RequestEcsPowerActionArgs,
): Promise<PowerActionResult> {
  const { action, serverId } = args
  if (!Object.hasOwn(OPERATIONS, action)) {
    throw new ConsoleError({
      kind: 'invalid_input',
      provider: 'ecs',
      message: 'The power action must be start, shutdown, poweroff, restart or forceRestart.',
    })
  }
  validatePathSegment(serverId, 'server id', 'ecs')
  const [operation, type] = OPERATIONS[action]
  const response = await requestEcsApi(args, 'cloudservers/action', {
    [operation]: { ...(type ? { type } : {}), servers: [{ id: serverId }] },
  })
  const jobId = asRecord(response.json)?.job_id
  if (response.ok && typeof jobId === 'string' && jobId) return { taskId: jobId }
  throw responseError(
    'ecs',
    response,
    [args.authToken],
    undefined,
    `VM "${serverId}"`,
    undefined,
    'power action',
  )
}
