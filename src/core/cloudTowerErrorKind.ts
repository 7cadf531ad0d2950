import type { ConsoleErrorKind } from './ConsoleError.js'

// CloudTower answers these when the token is invalid, expired or belongs to nobody.
const UNAUTHORIZED = new Set([
  'PERMISSION_DENIED',
  'LOGIN_FAILED',
  'USER_NOT_FOUND',
  'USER_PASSWORD_INCORRECT',
  'NOT_MATCH_USER',
  'LOAD_TOKEN_FAILED',
  'UNAUTHENTICATED',
])

/** The kind a CloudTower GraphQL error code means, or undefined for a code we do not know. */
export function cloudTowerErrorKind(code: string): ConsoleErrorKind | undefined {
  if (UNAUTHORIZED.has(code)) return 'unauthorized'
  if (code === 'FORBIDDEN') return 'forbidden'
  if (/NOT_FOUND|NOT_EXIST/.test(code)) return 'not_found'
  if (code === 'GRAPHQL_VALIDATION_FAILED' || code === 'BAD_USER_INPUT') return 'invalid_input'
  if (/RATE_LIMIT|TOO_MANY/.test(code)) return 'rate_limited'
  return undefined
}
