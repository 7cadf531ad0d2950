import type { ConsoleErrorKind } from './ConsoleError.js'

const KINDS: Record<number, ConsoleErrorKind> = {
  400: 'invalid_input',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  408: 'timeout',
  409: 'conflict',
  410: 'not_found',
  422: 'invalid_input',
  429: 'rate_limited',
}

/** The error kind an HTTP status means when the body says nothing more specific. */
export function kindForStatus(status: number): ConsoleErrorKind {
  return KINDS[status] ?? (status > 499 ? 'server' : 'invalid_response')
}
