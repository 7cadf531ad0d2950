import { ConsoleError } from '../../core/errors/ConsoleError.js'
import { postGateway } from './postGateway.js'

/** Which console to ask a `react-vm-console/server` gateway for. */
export type GatewayConsoleTarget =
  { provider: 'cloudtower'; vmId: string } | { provider: 'ecs'; serverId: string }

export interface GatewayConsoleArgs {
  /** Where the gateway is mounted: a same-origin path (`/consoles`) or an absolute URL. */
  gateway: string
  target: GatewayConsoleTarget | undefined
  /** Extra request headers, e.g. the portal's CSRF token. */
  headers?: Record<string, string>
  /** Default `same-origin`: the portal's session cookie goes along. */
  requestCredentials?: RequestCredentials
  fetch?: typeof fetch
  /**
   * Hears the mode the gateway granted with each console answer: `observe` is view only (the
   * gateway drops the viewer's input). `control` when the gateway does not say (an older one).
   */
  onMode?: (mode: 'control' | 'observe') => void
}

export interface GatewayConsoleOptions {
  /** For `<ConsoleViewer getUrl>`: asks the gateway for a NEW ticket on every connection attempt. */
  getUrl: ((signal: AbortSignal) => Promise<string>) | undefined
  /** For `<ConsoleViewer connectionKey>`: changes only when the console does. */
  connectionKey: string | undefined
}

/**
 * Viewer options for a console behind a gateway: each attempt POSTs the target to the gateway
 * and turns its ticket URL into a websocket URL on the gateway's own host. The browser never
 * holds a cloud credential, only a single-use ticket.
 */
export function gatewayConsoleOptions(args: GatewayConsoleArgs): GatewayConsoleOptions {
  const { gateway, target } = args
  if (!gateway || !target) return { getUrl: undefined, connectionKey: undefined }
  const provider = target.provider
  const getUrl = async (signal: AbortSignal) => {
    const base = new URL(gateway, typeof location === 'undefined' ? undefined : location.href)
    const record = await postGateway({ ...args, route: '', body: target, signal })
    if (typeof record.url !== 'string') {
      throw new ConsoleError({
        kind: 'invalid_response',
        provider,
        message: 'The console gateway answered without a console URL.',
      })
    }
    const socket = new URL(record.url, base)
    if (socket.protocol === 'https:') socket.protocol = 'wss:'
    else if (socket.protocol === 'http:') socket.protocol = 'ws:'
    if (socket.host !== base.host) {
      throw new ConsoleError({
        kind: 'invalid_response',
        provider,
        message: 'The console gateway pointed at another host.',
      })
    }
    args.onMode?.(record.mode === 'observe' ? 'observe' : 'control')
    return socket.href
  }
  const id = target.provider === 'cloudtower' ? target.vmId : target.serverId
  return { getUrl, connectionKey: JSON.stringify([gateway, provider, id]) }
}
