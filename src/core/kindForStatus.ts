import type { ConsoleErrorKind } from './ConsoleError.js'

/** The error kind an HTTP status means when the body says nothing more specific. */
export function kindForStatus(status: number): ConsoleErrorKind {
  if (status === 400 || status === 422) return 'invalid_input'
  if (status === 401) return 'unauthorized'
  if (status === 403) return 'forbidden'
  if (status === 404 || status === 410) return 'not_found'
  if (status === 408) return 'timeout'
  if (status === 409) return 'conflict'
  if (status === 429) return 'rate_limited'
  if (status >= 500) return 'server'
  return 'invalid_response'
}
