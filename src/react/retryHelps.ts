import type { ConsoleError } from '../core/ConsoleError.js'

// Besides transient failures: a busy VM (409), a garbled answer, and refused VNC credentials
// (a retry asks again) can succeed on a second try; a refused cloud token or a wrong ID cannot.
const ALSO = new Set(['conflict', 'invalid_response', 'vnc_security'])

/** Whether a Retry button can help with `error` (without the app changing anything first). */
export function retryHelps(error: Pick<ConsoleError, 'kind' | 'retryable'>): boolean {
  return error.retryable || ALSO.has(error.kind)
}
