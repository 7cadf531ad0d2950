import { ConsoleError, type ConsoleErrorKind } from '../core/errors/ConsoleError.js'
import { redactForLog } from './redactForLog.js'
import { errorKinds } from '../core/errors/errorKinds.js'
import type { GatewayErrorBody } from './types.js'

export interface GatewayError {
  status: number
  body: GatewayErrorBody
  headers?: Record<string, string>
}

// What a cloud's failure means, in our words: the cloud's own text may echo the request (a query,
// a signature, an internal host), so it goes to the log only and the browser gets its code.
const UPSTREAM: Partial<Record<ConsoleErrorKind, string>> = {
  forbidden: "denied the console gateway's account access to this console.",
  not_found: 'has no such VM, or no console for it.',
  conflict: 'cannot open a console for this VM right now. Try again shortly.',
  rate_limited: 'is throttling requests. Try again soon.',
  network: 'could not be reached by the console gateway. Try again later.',
  timeout: 'did not answer the console gateway in time. Try again later.',
  invalid_response:
    'sent an answer the console gateway could not use. Tell the portal administrator.',
  invalid_input: 'rejected the request as invalid.',
}
const UPSTREAM_BY_CODE: Readonly<Record<string, string>> = {
  html_page:
    "answered with a web page, not its API. Tell the portal administrator (check the gateway's endpoint).",
  console_host_not_allowed:
    "named a console host the gateway's settings do not allow (the gateway's log names it). Tell the portal administrator.",
}
// A cloud's error code is passed on only when it looks like one (`Ecs.0114`, `VM_NOT_FOUND`).
const CODE = /^[\w.:-]{1,64}$/

/**
 * What the browser may learn of a failure: a ConsoleError kind, a message for an operator, no
 * stack, no upstream secret. The cloud refusing the GATEWAY's own credentials is the portal's
 * fault, not the browser user's, so it is a `server` error rather than `unauthorized`. A store
 * that is down (`service_unavailable`) is a 503 with `Retry-After`: the next try may work.
 */
export function toGatewayError(
  error: unknown,
  secrets: readonly (string | undefined)[] = [],
): GatewayError {
  if (!ConsoleError.is(error)) {
    return build(
      'server',
      'The console gateway failed. Try again; if it persists, tell the portal administrator.',
      true,
    )
  }
  if (error.code === 'service_unavailable') {
    return {
      ...build(
        'server',
        'The console service is temporarily unavailable. Try again in a moment.',
        true,
        error.code,
      ),
      status: 503,
      headers: { 'retry-after': '2' },
    }
  }
  if (error.provider !== 'vnc') {
    const cloud = error.provider === 'cloudtower' ? 'CloudTower' : 'Huawei Cloud'
    if (error.kind === 'unauthorized') {
      return build(
        'server',
        `${cloud} refused the console gateway's credentials. Tell the portal administrator.`,
        false,
      )
    }
    const code = error.code && CODE.test(error.code) ? error.code : undefined
    const words =
      (code && UPSTREAM_BY_CODE[code]) ||
      UPSTREAM[error.kind] ||
      'could not provide the console. Try again later.'
    return build(
      error.kind,
      `${cloud} ${words}${code && !UPSTREAM_BY_CODE[code] ? ` (${cloud} error ${code})` : ''}`,
      error.retryable,
      code,
    )
  }
  // Our own words; the same redaction as the log all the same.
  return build(error.kind, redactForLog(error.message, secrets), error.retryable, error.code)
}

function build(
  kind: ConsoleError['kind'],
  message: string,
  retryable: boolean,
  code?: string,
): GatewayError {
  return {
    status: errorKinds.httpStatus(kind),
    body: { error: { kind, message, retryable, ...(code !== undefined && { code }) } },
  }
}
