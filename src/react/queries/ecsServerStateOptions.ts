import { queryOptions, skipToken } from '@tanstack/react-query'
import type { ConsoleError } from '../../core/errors/ConsoleError.js'
import { consoleAccessQueryDefaults } from './consoleAccessQueryDefaults.js'
import type { EcsConsoleQueryArgs } from './ecsConsoleOptions.js'
import { fetchEcsServerState } from '../../core/ecs/fetchEcsServerState.js'
import { tokenFingerprint } from './tokenFingerprint.js'
import type { VmStateInfo } from '../../core/power/VmStateInfo.js'
import { vmStateRefetchInterval } from './vmStateRefetchInterval.js'

/**
 * `queryOptions` for an ECS server's power state (the same arguments as `ecsConsoleOptions`). The
 * key holds the endpoint, project and server, never the auth token.
 */
export function ecsServerStateOptions(args: EcsConsoleQueryArgs) {
  const { endpoint, projectId, serverId, authToken } = args
  return queryOptions<VmStateInfo, ConsoleError>({
    queryKey: [
      'react-vm-console',
      'ecs-server-state',
      { endpoint, projectId, serverId, auth: tokenFingerprint(authToken) },
    ],
    queryFn:
      endpoint && projectId && serverId
        ? ({ signal }) => fetchEcsServerState({ ...args, endpoint, projectId, serverId, signal })
        : skipToken,
    retry: consoleAccessQueryDefaults.retry,
    retryDelay: consoleAccessQueryDefaults.retryDelay,
    refetchInterval: vmStateRefetchInterval,
  })
}
