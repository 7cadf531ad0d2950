// The connection's shapes: the status every console shows, the events that change it, and what
// the screen tells about a socket that closed. Types only; the functions beside them use them.
import type { ConsoleError } from '../errors/ConsoleError.js'
import type { VmState } from '../power/VmState.js'

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
  /** Set in `error`, and in `disconnected` while a retry after a drop is pending. */
  error?: ConsoleError
  /** The VNC server asked for credentials that were not given (`sendCredentials` answers). */
  credentialsRequired?: boolean
  /** The desktop name the server reports. */
  desktopName?: string
  /**
   * `power`: the VM can be powered from the console, by the VNC server (XVP) or the cloud;
   * `xvp`: the VNC server itself accepts shutdown / reboot / reset.
   */
  capabilities: { power: boolean; xvp?: boolean }
  /**
   * The VM's power state as the cloud told it, once asked (after a failed attempt, or while a power
   * action runs); unset on the happy path, which never asks.
   */
  vmState?: VmState
}

/** What happens to a console; `consoleStatusReducer` turns each into the next status. */
export type ConsoleStatusEvent =
  /** An attempt begins: `fetching` a fresh URL first, or `connecting` with one in hand. */
  | { type: 'start'; fetching: boolean }
  /** The fresh URL arrived; the socket opens next. */
  | { type: 'urlReady' }
  | { type: 'connected' }
  /** The connection failed or dropped and a retry is scheduled. */
  | { type: 'dropped'; error: ConsoleError; attempt: number; nextRetryAt: number }
  /** Given up: nothing retries until `connect()`. */
  | { type: 'failed'; error: ConsoleError }
  | { type: 'userDisconnected' }
  /** No target, or autoConnect off: back to `idle`. */
  | { type: 'reset' }
  /**
   * What the cloud says about the VM. `hold`: the console waits for the VM (it is off, or a power
   * action runs), `disconnected` without an error and without burning a reconnect attempt.
   */
  | { type: 'vmState'; vmState: VmState; hold: boolean }
  /** What the VNC server said about itself while the state stays. */
  | {
      type: 'server'
      desktopName?: string
      capabilities?: { power: boolean; xvp?: boolean }
      credentialsRequired?: boolean
    }

/**
 * How far a socket got before it closed: never opened (`unopened`: nothing listens, or the
 * handshake was refused), opened but closed before the first RFB byte (`silent`: what OpenStack
 * Nova does after a 101 when it refuses the page's Origin), or into the RFB handshake (`rfb`).
 */
export type ConnectionPhase = 'unopened' | 'silent' | 'rfb'

/** Whether and when to try again after a failure. */
export type ReconnectDecision = { retry: false } | { retry: true; attempt: number; delayMs: number }
