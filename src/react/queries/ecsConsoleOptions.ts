import { queryOptions, skipToken } from '@tanstack/react-query'
import type { ConsoleError } from '../../core/errors/ConsoleError.js'
import type { EcsRemoteConsole } from '../../core/ecs/EcsRemoteConsole.js'
import {
  fetchEcsRemoteConsole,
  type FetchEcsRemoteConsoleArgs,
} from '../../core/ecs/fetchEcsRemoteConsole.js'
import { consoleAccessQueryDefaults } from './consoleAccessQueryDefaults.js'
import { tokenFingerprint } from './tokenFingerprint.js'

/** Arguments of the ECS query; while `endpoint`, `projectId` or `serverId` is missing it stays disabled. */
export type EcsConsoleQueryArgs = Omit<
  FetchEcsRemoteConsoleArgs,
  'signal' | 'endpoint' | 'projectId' | 'serverId'
> & {
  endpoint: string | undefined
  projectId: string | undefined
  serverId: string | undefined
}

/**
 * `queryOptions` for the one-time ECS console URL. The key holds the endpoint, project and server,
 * never the auth token.
 */
export function ecsConsoleOptions(args: EcsConsoleQueryArgs) {
  const { endpoint, projectId, serverId, authToken } = args
  return queryOptions<EcsRemoteConsole, ConsoleError>({
    queryKey: [
      'react-vm-console',
      'ecs-remote-console',
      { endpoint, projectId, serverId, auth: tokenFingerprint(authToken) },
    ],
    queryFn:
      endpoint && projectId && serverId
        ? ({ signal }) => fetchEcsRemoteConsole({ ...args, endpoint, projectId, serverId, signal })
        : skipToken,
    ...consoleAccessQueryDefaults,
  })
}
