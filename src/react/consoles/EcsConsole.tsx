'use client'
import type { QueryClient } from '@tanstack/react-query'
import { buildEcsConsoleUrl } from '../../core/ecs/buildEcsConsoleUrl.js'
import type { EcsRemoteConsole } from '../../core/ecs/EcsRemoteConsole.js'
import { ConsoleViewer } from '../lazy/ConsoleViewer.js'
import type { ConsoleViewerProps } from '../types.js'
import { ecsConsoleOptions } from '../queries/ecsConsoleOptions.js'
import { ecsVmPower } from './ecsVmPower.js'
import { openInNewWindow } from '../viewer/openInNewWindow.js'
import { tokenFingerprint } from '../queries/tokenFingerprint.js'
import { useFreshConsoleAccess } from '../urls/useFreshConsoleAccess.js'

export interface EcsConsoleProps extends Omit<
  ConsoleViewerProps,
  'url' | 'getUrl' | 'connectionKey'
> {
  /** `https://ecs.<region>.myhuaweicloud.com` or a same-origin path of the portal's proxy. */
  endpoint: string | undefined
  projectId: string | undefined
  serverId: string | undefined
  /** IAM token (`X-Auth-Token`); leave out behind a signing proxy. */
  authToken?: string | undefined
  /** Default: follows the console page (https → wss). */
  secure?: boolean | undefined
  fetch?: typeof fetch | undefined
  timeoutMs?: number | undefined
  /** Default: the app's QueryClient, or a private one. */
  queryClient?: QueryClient | undefined
  /**
   * Offer ECS's power actions (Start, Stop, Force stop, Reboot, Force reboot) with this token.
   * Default true: the token can do them through the API anyway, and ECS refuses what it may not.
   * `false`: the state still shows, no power button does.
   */
  power?: boolean | undefined
}

const ECS_ACTIONS = ['start', 'shutdown', 'poweroff', 'restart', 'forceRestart'] as const

/**
 * A Huawei Cloud ECS console: a fresh `remote_console` for every connection, its socket, the viewer
 * with its toolbar and overlay, and "Open console in a new window" when embedding fails.
 */
export function EcsConsole(props: EcsConsoleProps) {
  const {
    endpoint,
    projectId,
    serverId,
    authToken,
    secure,
    fetch,
    timeoutMs,
    queryClient,
    power = true,
    ...viewer
  } = props
  const fetchFresh = useFreshConsoleAccess(queryClient)
  const ready = Boolean(endpoint && projectId && serverId)
  const fetchRemote = (signal: AbortSignal, purpose?: string) => {
    const options = ecsConsoleOptions({
      endpoint,
      projectId,
      serverId,
      authToken,
      fetch,
      timeoutMs,
    })
    return fetchFresh<EcsRemoteConsole>(options, signal, purpose)
  }
  const getUrl = async (signal: AbortSignal) =>
    buildEcsConsoleUrl(await fetchRemote(signal), { secure })
  // The fallback when embedding fails (a proxy that rejects our Origin): Huawei's own console
  // page in a new window, with a token of its own.
  const openConsolePage = () =>
    void openInNewWindow(async () => (await fetchRemote(new AbortController().signal, 'page')).url)
  const connectionKey = JSON.stringify([
    endpoint,
    projectId,
    serverId,
    secure,
    tokenFingerprint(authToken),
  ])
  return (
    <ConsoleViewer
      data-provider="ecs"
      toolbar
      overlay
      openConsolePage={ready ? openConsolePage : undefined}
      {...viewer}
      vmPower={
        ready
          ? ecsVmPower(
              {
                endpoint: endpoint ?? '',
                projectId: projectId ?? '',
                serverId: serverId ?? '',
                authToken,
                fetch,
                timeoutMs,
              },
              power ? ECS_ACTIONS : [],
            )
          : undefined
      }
      getUrl={ready ? getUrl : undefined}
      connectionKey={ready ? connectionKey : undefined}
    />
  )
}
