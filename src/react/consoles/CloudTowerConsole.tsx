'use client'
import type { QueryClient } from '@tanstack/react-query'
import { buildCloudTowerVncUrl } from '../../core/cloudtower/buildCloudTowerVncUrl.js'
import type { CloudTowerVnc } from '../../core/cloudtower/CloudTowerVnc.js'
import { cloudTowerVncOptions } from '../queries/cloudTowerVncOptions.js'
import { cloudTowerVmPower } from './cloudTowerVmPower.js'
import { ConsoleViewer } from '../lazy/ConsoleViewer.js'
import type { ConsoleViewerProps } from '../types.js'
import { tokenFingerprint } from '../queries/tokenFingerprint.js'
import { useFreshConsoleAccess } from '../urls/useFreshConsoleAccess.js'

export interface CloudTowerConsoleProps extends Omit<
  ConsoleViewerProps,
  'url' | 'getUrl' | 'connectionKey'
> {
  /** `https://tower.example.com` or a same-origin path such as `/tower`. */
  endpoint: string | undefined
  /** CloudTower session token (sent raw in `Authorization`). */
  token: string | undefined
  vmId: string | undefined
  /** `proxy` (default): through CloudTower; `direct`: straight to the cluster. */
  mode?: 'proxy' | 'direct'
  language?: 'en-US' | 'zh-CN' | undefined
  /** Default: follows the endpoint (proxy) or the page (direct). */
  secure?: boolean | undefined
  /** A port on cluster_ip for the direct link. */
  port?: number | undefined
  fetch?: typeof fetch | undefined
  timeoutMs?: number | undefined
  /** Default: the app's QueryClient, or a private one. */
  queryClient?: QueryClient | undefined
  /**
   * Offer CloudTower's power actions (Start, Shut down, Power off, Restart, Force restart) with this
   * token. Default true: the token can do them through the API anyway, and CloudTower refuses what
   * the token may not. `false`: the state still shows, no power button does.
   */
  power?: boolean | undefined
}

const CLOUDTOWER_ACTIONS = ['start', 'shutdown', 'poweroff', 'restart', 'forceRestart'] as const

/**
 * A CloudTower VM console: fresh credentials for every connection, the link, and the viewer with its
 * toolbar and overlay (`toolbar={false}` / `overlay={false}` hide them).
 */
export function CloudTowerConsole(props: CloudTowerConsoleProps) {
  const {
    endpoint,
    token,
    vmId,
    mode = 'proxy',
    language,
    secure,
    port,
    fetch,
    timeoutMs,
    queryClient,
    power = true,
    ...viewer
  } = props
  const fetchFresh = useFreshConsoleAccess(queryClient)
  const ready = Boolean(endpoint && token && vmId)
  const getUrl = async (signal: AbortSignal) => {
    const options = cloudTowerVncOptions({ endpoint, token, vmId, language, fetch, timeoutMs })
    const vnc = await fetchFresh<CloudTowerVnc>(options, signal)
    return buildCloudTowerVncUrl(
      vnc,
      mode === 'direct' ? { mode, secure, port } : { mode, endpoint: endpoint ?? '', secure },
    )
  }
  // The target is what these values name; the function identity may change every render.
  const connectionKey = JSON.stringify([
    endpoint,
    vmId,
    mode,
    language,
    secure,
    port,
    tokenFingerprint(token),
  ])
  return (
    <ConsoleViewer
      data-provider="cloudtower"
      toolbar
      overlay
      {...viewer}
      vmPower={
        ready
          ? cloudTowerVmPower(
              {
                endpoint: endpoint ?? '',
                token: token ?? '',
                vmId: vmId ?? '',
                language,
                fetch,
                timeoutMs,
              },
              power ? CLOUDTOWER_ACTIONS : [],
            )
          : undefined
      }
      getUrl={ready ? getUrl : undefined}
      connectionKey={ready ? connectionKey : undefined}
    />
  )
}
