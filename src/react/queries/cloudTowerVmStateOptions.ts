import { queryOptions, skipToken } from '@tanstack/react-query'
import type { CloudTowerVncQueryArgs } from './cloudTowerVncOptions.js'
import type { ConsoleError } from '../../core/errors/ConsoleError.js'
import { consoleAccessQueryDefaults } from './consoleAccessQueryDefaults.js'
import { fetchCloudTowerVmState } from '../../core/cloudtower/fetchCloudTowerVmState.js'
import { tokenFingerprint } from './tokenFingerprint.js'
import type { VmStateInfo } from '../../core/power/VmStateInfo.js'
import { vmStateRefetchInterval } from './vmStateRefetchInterval.js'

/**
 * `queryOptions` for a CloudTower VM's power state (the same arguments as `cloudTowerVncOptions`).
 * Unlike credentials the state may be cached and refetched; transient failures are retried as for
 * credentials. The key holds the endpoint and VM, never the token.
 */
export function cloudTowerVmStateOptions(args: CloudTowerVncQueryArgs) {
  const { endpoint, token, vmId, language } = args
  return queryOptions<VmStateInfo, ConsoleError>({
    queryKey: [
      'react-vm-console',
      'cloudtower-vm-state',
      { endpoint, vmId, language: language ?? 'en-US', auth: tokenFingerprint(token) },
    ],
    queryFn:
      endpoint && token && vmId
        ? ({ signal }) => fetchCloudTowerVmState({ ...args, endpoint, token, vmId, signal })
        : skipToken,
    retry: consoleAccessQueryDefaults.retry,
    retryDelay: consoleAccessQueryDefaults.retryDelay,
    refetchInterval: vmStateRefetchInterval,
  })
}
