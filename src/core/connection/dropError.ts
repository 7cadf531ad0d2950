import { ConsoleError } from '../ConsoleError.js'
import type { ConnectionPhase } from './types.js'

/** Early closes in a row after which a console stops retrying: it is a refusal, not a blip. */
export const EARLY_CLOSES_BEFORE_GIVING_UP = 2

/**
 * The error for a socket that closed without the user asking, from how far it got. The `code`
 * tells the UI which words to use: `connection_lost` (a live session dropped), `proxy_unreachable`
 * (the socket never opened), `proxy_closed_early` (opened, closed before the first RFB byte: a
 * Nova-style proxy refusing the page's Origin or host; final after `earlyCloses` reaches
 * EARLY_CLOSES_BEFORE_GIVING_UP, so the fallbacks show at once instead of after every retry),
 * `connect_failed` (the RFB handshake broke off).
 */
export function dropError(
  wasConnected: boolean,
  phase: ConnectionPhase,
  earlyCloses: number,
): ConsoleError {
  const drop = (code: string, message: string, retryable = true) =>
    new ConsoleError({ kind: 'vnc_disconnected', provider: 'vnc', code, message, retryable })
  if (wasConnected) return drop('connection_lost', 'The console connection was lost.')
  if (phase === 'unopened')
    return drop(
      'proxy_unreachable',
      'Could not reach the console proxy (the websocket never opened).',
    )
  if (phase === 'silent') {
    return drop(
      'proxy_closed_early',
      'The console proxy closed the connection before the console started. It likely refuses this page’s origin or host: open the console in a new window, or connect through the console gateway (react-vm-console/server).',
      earlyCloses < EARLY_CLOSES_BEFORE_GIVING_UP,
    )
  }
  return drop('connect_failed', 'Could not connect to the console.')
}
