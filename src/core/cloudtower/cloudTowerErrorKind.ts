import type { ConsoleErrorKind } from '../errors/ConsoleError.js'

// Read in order: BAD_USER_INPUT is bad input, USER_NOT_FOUND is an unknown session user.
const KINDS: [RegExp, ConsoleErrorKind][] = [
  [/INPUT|VALIDATION/, 'invalid_input'],
  // PERMISSION_DENIED, LOGIN_FAILED, USER_…, NOT_MATCH_USER, LOAD_TOKEN_FAILED, UNAUTHENTICATED:
  // the session token is invalid, expired or belongs to nobody.
  [/PERMISSION|LOGIN|USER|LOAD_TOKEN|UNAUTH/, 'unauthorized'],
  [/FORBIDDEN/, 'forbidden'],
  [/NOT_FOUND|NOT_EXIST/, 'not_found'],
  [/RATE_LIMIT|TOO_MANY/, 'rate_limited'],
  // The REST API's ResourceLocked: another task holds the VM; it settles.
  [/LOCKED/i, 'conflict'],
]

/** The kind a CloudTower error code (GraphQL or REST) means, or undefined for a code we do not know. */
export function cloudTowerErrorKind(code: string): ConsoleErrorKind | undefined {
  return KINDS.find(([pattern]) => pattern.test(code))?.[1]
}
