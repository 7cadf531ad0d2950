import type { ConsoleErrorKind } from '../ConsoleError.js'

/**
 * How the library treats each error kind, in one place (every list of kinds derives from it):
 * `[retryable, final, retryHelps, httpStatus]`.
 * - retryable: transient; asking again may work (ConsoleError's default `retryable`).
 * - final: a console stops here, whatever a getUrl or gateway claims (no automatic retry).
 * - retryHelps: a Retry button can help without the app changing anything first.
 * - httpStatus: what the gateway answers the browser for it.
 * Tuples, not objects: this table ships in the 3 kB core.
 */
export const errorKinds: Readonly<
  Record<
    ConsoleErrorKind,
    readonly [retryable: 0 | 1, final: 0 | 1, retryHelps: 0 | 1, httpStatus: number]
  >
> = {
  unauthorized: [0, 1, 0, 401],
  forbidden: [0, 1, 0, 403],
  not_found: [0, 1, 0, 404],
  // A busy VM (409) can open a console once it has settled.
  conflict: [0, 0, 1, 409],
  rate_limited: [1, 0, 1, 429],
  server: [1, 0, 1, 502],
  network: [1, 0, 1, 502],
  timeout: [1, 0, 1, 504],
  aborted: [0, 0, 0, 503],
  // A garbled answer may come out right the second time, but not by retrying on its own.
  invalid_response: [0, 1, 1, 502],
  invalid_input: [0, 1, 0, 400],
  // Refused VNC credentials: a Retry asks for them again.
  vnc_security: [0, 1, 1, 502],
  vnc_disconnected: [1, 0, 1, 502],
}
