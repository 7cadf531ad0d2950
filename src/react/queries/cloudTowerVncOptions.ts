import { queryOptions, skipToken } from '@tanstack/react-query'
import type { CloudTowerVnc } from '../../core/cloudtower/CloudTowerVnc.js'
import type { ConsoleError } from '../../core/errors/ConsoleError.js'
import {
  fetchCloudTowerVnc,
  type FetchCloudTowerVncArgs,
} from '../../core/cloudtower/fetchCloudTowerVnc.js'
import { consoleAccessQueryDefaults } from './consoleAccessQueryDefaults.js'
import { tokenFingerprint } from './tokenFingerprint.js'

/** Arguments of the CloudTower query; while `endpoint`, `token` or `vmId` is missing it stays disabled. */
export type CloudTowerVncQueryArgs = Omit<
  FetchCloudTowerVncArgs,
  'signal' | 'endpoint' | 'token' | 'vmId'
> & {
  endpoint: string | undefined
  token: string | undefined
  vmId: string | undefined
}

/**
 * `queryOptions` for CloudTower's one-time VNC credentials: use with `useQuery`, `fetchQuery`,
 * `prefetchQuery` or `useSuspenseQuery`. The key holds the endpoint and VM, never the token.
 */
export function cloudTowerVncOptions(args: CloudTowerVncQueryArgs) {
  const { endpoint, token, vmId, language } = args
  return queryOptions<CloudTowerVnc, ConsoleError>({
    queryKey: [
      'react-vm-console',
      'cloudtower-vnc',
      { endpoint, vmId, language: language ?? 'en-US', auth: tokenFingerprint(token) },
    ],
    queryFn:
      endpoint && token && vmId
        ? ({ signal }) => fetchCloudTowerVnc({ ...args, endpoint, token, vmId, signal })
        : skipToken,
    ...consoleAccessQueryDefaults,
  })
}
