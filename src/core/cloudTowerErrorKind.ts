import type { ConsoleErrorKind } from './ConsoleError.js'

// CloudTower answers these when the token is invalid, expired or belongs to nobody.
const UNAUTHORIZED =
  /^(PERMISSION_DENIED|LOGIN_FAILED|USER_NOT_FOUND|USER_PASSWORD_INCORRECT|NOT_MATCH_USER|LOAD_TOKEN_FAILED|UNAUTHENTICATED)$/

/** The kind a CloudTower GraphQL error code means, or undefined for a code we do not know. */
export function cloudTowerErrorKind(code: string): ConsoleErrorKind | undefined {
  return UNAUTHORIZED.test(code)
    ? 'unauthorized'
    : code === 'FORBIDDEN'
      ? 'forbidden'
      : /NOT_FOUND|NOT_EXIST/.test(code)
        ? 'not_found'
        : code === 'GRAPHQL_VALIDATION_FAILED' || code === 'BAD_USER_INPUT'
          ? 'invalid_input'
          : /RATE_LIMIT|TOO_MANY/.test(code)
            ? 'rate_limited'
            : undefined
}
