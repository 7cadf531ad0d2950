import type { ConsoleError } from '../core/ConsoleError.js'
import { errorKinds } from '../core/errors/errorKinds.js'

/** Whether a Retry button can help with `error` (without the app changing anything first). */
export function retryHelps(error: Pick<ConsoleError, 'kind' | 'retryable'>): boolean {
  return error.retryable || errorKinds[error.kind]?.[2] === 1
}
