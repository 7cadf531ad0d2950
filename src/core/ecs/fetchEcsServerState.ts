import { asRecord } from '../http/asRecord.js'
import { ecsVmState } from './ecsVmState.js'
import type { FetchEcsRemoteConsoleArgs } from './fetchEcsRemoteConsole.js'
import { requestEcsApi } from './requestEcsApi.js'
import { responseError } from '../http/responseError.js'
import { validatePathSegment } from '../http/validatePathSegment.js'
import type { VmStateInfo } from '../power/VmStateInfo.js'

/** The same fields as the console call. */
export type FetchEcsServerStateArgs = FetchEcsRemoteConsoleArgs

/**
 * Asks ECS for a server's power state (`GET /v1/{project_id}/cloudservers/{server_id}`): its
 * `status`, and `OS-EXT-STS:task_state` for a transition under way.
 */
export async function fetchEcsServerState(args: FetchEcsServerStateArgs): Promise<VmStateInfo> {
  const { serverId } = args
  const server = validatePathSegment(serverId, 'server id', 'ecs')
  const response = await requestEcsApi(args, `cloudservers/${server}`)
  const { status, 'OS-EXT-STS:task_state': task } = asRecord(asRecord(response.json)?.server) ?? {}
  if (response.ok && typeof status === 'string') {
    return {
      state: ecsVmState(status, task),
      cloudStatus: typeof task === 'string' && task ? `${status} (${task})` : status,
    }
  }
  throw responseError(
    'ecs',
    response,
    [args.authToken],
    undefined,
    `VM "${serverId}"`,
    undefined,
    'state',
  )
}
