import type { ConsoleErrorKind } from '../core/ConsoleError.js'

const STATUS: Record<ConsoleErrorKind, number> = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  invalid_input: 400,
  server: 502,
  network: 502,
  invalid_response: 502,
  timeout: 504,
  aborted: 503,
  vnc_security: 502,
  vnc_disconnected: 502,
}

/** The HTTP status the browser gets for an error of this kind. */
export function statusForKind(kind: ConsoleErrorKind): number {
  return STATUS[kind] ?? 500
}
