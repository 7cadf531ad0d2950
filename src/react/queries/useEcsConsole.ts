import { useQuery, type QueryClient, type UseQueryResult } from '@tanstack/react-query'
import type { ConsoleError } from '../../core/errors/ConsoleError.js'
import type { EcsRemoteConsole } from '../../core/ecs/EcsRemoteConsole.js'
import type { CredentialQueryOptions } from '../types.js'
import { ecsConsoleOptions, type EcsConsoleQueryArgs } from './ecsConsoleOptions.js'

/** The one-time ECS console of a server, as a TanStack query. */
export function useEcsConsole(
  args: EcsConsoleQueryArgs,
  options?: CredentialQueryOptions<EcsRemoteConsole>,
  queryClient?: QueryClient,
): UseQueryResult<EcsRemoteConsole, ConsoleError> {
  return useQuery({ ...ecsConsoleOptions(args), ...options }, queryClient)
}
