'use client'
import { ConsoleViewer } from '../lazy/ConsoleViewer.js'
import type { ConsoleViewerProps } from '../types.js'
import { gatewayConsoleOptions } from '../urls/gatewayConsoleOptions.js'

interface GatewayConsoleCommon extends Omit<
  ConsoleViewerProps,
  'url' | 'getUrl' | 'connectionKey'
> {
  /** Where `createConsoleGateway` is mounted: `/consoles` or an absolute URL. */
  gateway: string
  /** Extra request headers for the gateway, e.g. a CSRF token. */
  headers?: Record<string, string>
  requestCredentials?: RequestCredentials
  fetch?: typeof fetch
}

export type GatewayConsoleProps = GatewayConsoleCommon &
  (
    | { provider: 'cloudtower'; vmId: string | undefined; serverId?: never }
    | { provider: 'ecs'; serverId: string | undefined; vmId?: never }
  )

/**
 * A VM console through the portal's own `react-vm-console/server` gateway: no cloud secret in the
 * browser, a fresh single-use ticket for every connection attempt, the usual viewer and toolbar.
 */
export function GatewayConsole(props: GatewayConsoleProps) {
  const { gateway, provider, vmId, serverId, headers, requestCredentials, fetch, ...viewer } = props
  const target =
    provider === 'cloudtower'
      ? vmId
        ? { provider, vmId }
        : undefined
      : serverId
        ? { provider, serverId }
        : undefined
  const { getUrl, connectionKey } = gatewayConsoleOptions({
    gateway,
    target,
    headers,
    requestCredentials,
    fetch,
  })
  return (
    <ConsoleViewer
      data-provider={provider}
      data-gateway=""
      toolbar
      overlay
      {...viewer}
      getUrl={getUrl}
      connectionKey={connectionKey}
    />
  )
}
