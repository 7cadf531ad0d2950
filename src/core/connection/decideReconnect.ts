import type { ConsoleError } from '../errors/ConsoleError.js'
import { errorKinds } from '../errors/errorKinds.js'
import { DEFAULT_RECONNECT_POLICY, reconnectDelay, type ReconnectPolicy } from './reconnectDelay.js'
import type { ReconnectDecision } from './types.js'

/**
 * Whether a console tries again after `error`, having failed `failures` times in a row, under the
 * viewer's `reconnect` prop (`true`/undefined: the default policy). Only retryable errors of kinds
 * that retrying can fix are retried, whatever a getUrl or gateway claims.
 */
export function decideReconnect(
  error: Pick<ConsoleError, 'kind' | 'retryable'>,
  failures: number,
  reconnect: boolean | ReconnectPolicy | undefined,
  random: () => number = Math.random,
): ReconnectDecision {
  if (!error.retryable || errorKinds.final(error.kind) || reconnect === false)
    return { retry: false }
  const policy =
    reconnect === true || reconnect === undefined ? DEFAULT_RECONNECT_POLICY : reconnect
  if (failures >= (policy.maxAttempts ?? DEFAULT_RECONNECT_POLICY.maxAttempts))
    return { retry: false }
  const attempt = failures + 1
  return { retry: true, attempt, delayMs: reconnectDelay(attempt, policy, random) }
}
