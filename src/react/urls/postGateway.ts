import { ConsoleError } from '../../core/errors/ConsoleError.js'
import { errorKinds } from '../../core/errors/errorKinds.js'
import type { GatewayConsoleArgs } from './gatewayConsoleOptions.js'
import { toConsoleError } from './toConsoleError.js'

export interface PostGatewayArgs extends Omit<GatewayConsoleArgs, 'target'> {
  /** `/state` or `/power`, after the gateway's path; '' for the console request itself. */
  route: string
  body: { provider: 'cloudtower' | 'ecs' } & Record<string, unknown>
  signal?: AbortSignal | undefined
}

/**
 * POSTs JSON to one of the gateway's endpoints and answers its JSON object; the gateway's error
 * body (or any failure on the way) is thrown as a ConsoleError. The console request, `/state` and
 * `/power` all go through here.
 */
export async function postGateway(args: PostGatewayArgs): Promise<Record<string, unknown>> {
  const provider = args.body.provider
  const url = new URL(args.gateway, typeof location === 'undefined' ? undefined : location.href)
  if (args.route) url.pathname = url.pathname.replace(/\/+$/, '') + args.route
  let response: Response
  let body: unknown
  try {
    response = await (args.fetch ?? globalThis.fetch)(url.href, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...args.headers },
      body: JSON.stringify(args.body),
      credentials: args.requestCredentials ?? 'same-origin',
      cache: 'no-store',
      ...(args.signal && { signal: args.signal }),
    })
    body = await response.json().catch(() => undefined)
  } catch (error) {
    throw toConsoleError(error, provider)
  }
  const record = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>
  if (response.ok) return record
  const error = (
    typeof record.error === 'object' && record.error !== null ? record.error : {}
  ) as Record<string, unknown>
  const kind = errorKinds.has(error.kind) ? error.kind : 'server'
  // The cloud's error code or the gateway's own; a 503 from anything in between (a balancer, the
  // gateway's store being down) is the service being away for a moment.
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
