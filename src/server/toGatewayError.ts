import { ConsoleError } from '../core/ConsoleError.js'
import { redactForLog } from './redactForLog.js'
import { statusForKind } from './statusForKind.js'
import type { GatewayErrorBody } from './types.js'

export interface GatewayError {
  status: number
  body: GatewayErrorBody
}

/**
 * What the browser may learn of a failure: a ConsoleError kind, a message for an operator, no
 * stack, no upstream secret. The cloud refusing the GATEWAY's own credentials is the portal's
 * fault, not the browser user's, so it is a `server` error rather than `unauthorized`.
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
  if (error.kind === 'unauthorized' && error.provider !== 'vnc') {
    const cloud = error.provider === 'cloudtower' ? 'CloudTower' : 'Huawei Cloud'
    return build(
      'server',
      `${cloud} refused the console gateway's credentials. Tell the portal administrator.`,
      false,
    )
  }
  // The same redaction as the log: upstream text may echo a signature or an auth header.
  return build(error.kind, redactForLog(error.message, secrets), error.retryable)
}

function build(kind: ConsoleError['kind'], message: string, retryable: boolean): GatewayError {
  return { status: statusForKind(kind), body: { error: { kind, message, retryable } } }
}
