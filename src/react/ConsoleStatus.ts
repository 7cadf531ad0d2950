import type { ConsoleError } from '../core/ConsoleError.js'

/** Where a console is in its life; shown as `data-state` on the viewer's root. */
export type ConsoleState =
  'idle' | 'fetching' | 'connecting' | 'connected' | 'disconnected' | 'error'

/** Everything a toolbar, overlay or app needs to show about a console. */
export interface ConsoleStatus {
  state: ConsoleState
  /** Reconnect attempts since the last good connection (0 when none). */
  attempt: number
  /** When `disconnected` with a retry pending: the time (ms since epoch) of the next attempt. */
  nextRetryAt?: number
  /** Set in `error`, and in `disconnected` when a drop caused it. */
  error?: ConsoleError
  /** The VNC server asked for credentials that were not given (`sendCredentials` answers). */
  credentialsRequired?: boolean
  /** The desktop name the server reports. */
  desktopName?: string
  /** `power`: the server accepts shutdown / reboot / reset. */
  capabilities: { power: boolean }
}
