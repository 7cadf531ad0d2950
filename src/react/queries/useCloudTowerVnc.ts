import { useQuery, type QueryClient, type UseQueryResult } from '@tanstack/react-query'
import type { CloudTowerVnc } from '../../core/cloudtower/CloudTowerVnc.js'
import type { ConsoleError } from '../../core/errors/ConsoleError.js'
import { cloudTowerVncOptions, type CloudTowerVncQueryArgs } from './cloudTowerVncOptions.js'
import type { CredentialQueryOptions } from '../types.js'

/** CloudTower's one-time VNC credentials for a VM, as a TanStack query. */
export function useCloudTowerVnc(
  args: CloudTowerVncQueryArgs,
  options?: CredentialQueryOptions<CloudTowerVnc>,
  queryClient?: QueryClient,
): UseQueryResult<CloudTowerVnc, ConsoleError> {
  return useQuery({ ...cloudTowerVncOptions(args), ...options }, queryClient)
}
