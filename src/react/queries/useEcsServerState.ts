import { useQuery, type QueryClient, type UseQueryResult } from '@tanstack/react-query'
import type { ConsoleError } from '../../core/errors/ConsoleError.js'
import type { CredentialQueryOptions } from '../types.js'
import type { EcsConsoleQueryArgs } from './ecsConsoleOptions.js'
import { ecsServerStateOptions } from './ecsServerStateOptions.js'
import type { VmStateInfo } from '../../core/power/VmStateInfo.js'

/** An ECS server's power state, as a TanStack query. */
export function useEcsServerState(
  args: EcsConsoleQueryArgs,
  options?: CredentialQueryOptions<VmStateInfo>,
  queryClient?: QueryClient,
): UseQueryResult<VmStateInfo, ConsoleError> {
  return useQuery({ ...ecsServerStateOptions(args), ...options }, queryClient)
}
