import type { ConsoleErrorKind } from '../core/ConsoleError.js'
import { errorKinds } from '../core/errors/errorKinds.js'

/** The HTTP status the browser gets for an error of this kind. */
export function statusForKind(kind: ConsoleErrorKind): number {
  return errorKinds[kind]?.[3] ?? 500
}
