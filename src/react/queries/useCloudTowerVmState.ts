import { useQuery, type QueryClient, type UseQueryResult } from '@tanstack/react-query'
import type { CloudTowerVncQueryArgs } from './cloudTowerVncOptions.js'
import { cloudTowerVmStateOptions } from './cloudTowerVmStateOptions.js'
import type { ConsoleError } from '../../core/errors/ConsoleError.js'
import type { CredentialQueryOptions } from '../types.js'
import type { VmStateInfo } from '../../core/power/VmStateInfo.js'

/** A CloudTower VM's power state, as a TanStack query. */
export function useCloudTowerVmState(
  args: CloudTowerVncQueryArgs,
  options?: CredentialQueryOptions<VmStateInfo>,
  queryClient?: QueryClient,
): UseQueryResult<VmStateInfo, ConsoleError> {
  return useQuery({ ...cloudTowerVmStateOptions(args), ...options }, queryClient)
}
