import { ConsoleError } from '../../core/errors/ConsoleError.js'
import { errorKinds } from '../../core/errors/errorKinds.js'
import { toConsoleError } from './toConsoleError.js'

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
    let response: Response
    let body: unknown
    try {
      response = await (args.fetch ?? globalThis.fetch)(base.href, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          ...args.headers,
        },
        body: JSON.stringify(target),
        credentials: args.requestCredentials ?? 'same-origin',
        cache: 'no-store',
        signal,
      })
      body = await response.json().catch(() => undefined)
    } catch (error) {
      throw toConsoleError(error, provider)
    }
    const record = (typeof body === 'object' && body !== null ? body : {}) as Record<
      string,
      unknown
    >
    if (!response.ok) {
      const error = (
        typeof record.error === 'object' && record.error !== null ? record.error : {}
      ) as Record<string, unknown>
      const kind = errorKinds.has(error.kind) ? error.kind : 'server'
      // The cloud's error code or the gateway's own; a 503 from anything in between (a
      // balancer, the gateway's store being down) is the service being away for a moment.
      const code =
        typeof error.code === 'string' && /^[\w.:-]{1,64}$/.test(error.code)
          ? error.code
          : response.status === 503
            ? 'service_unavailable'
            : undefined
      throw new ConsoleError({
        kind,
        provider,
        status: response.status,
        ...(code && { code }),
        message:
          typeof error.message === 'string'
            ? error.message
            : `The console gateway answered HTTP ${response.status}.`,
        ...(typeof error.retryable === 'boolean' && { retryable: error.retryable }),
      })
    }
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
    return socket.href
  }
  const id = target.provider === 'cloudtower' ? target.vmId : target.serverId
  return { getUrl, connectionKey: JSON.stringify([gateway, provider, id]) }
}
