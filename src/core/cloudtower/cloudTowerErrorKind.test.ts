import { expect, it } from 'vitest'
import { cloudTowerErrorKind } from './cloudTowerErrorKind.js'

it.each([
  ['PERMISSION_DENIED', 'unauthorized'],
  ['LOGIN_FAILED', 'unauthorized'],
  ['USER_NOT_FOUND', 'unauthorized'],
  ['USER_PASSWORD_INCORRECT', 'unauthorized'],
  ['NOT_MATCH_USER', 'unauthorized'],
  ['LOAD_TOKEN_FAILED', 'unauthorized'],
  ['VM_NOT_FOUND', 'not_found'],
  ['RESOURCE_NOT_EXIST', 'not_found'],
  ['GRAPHQL_VALIDATION_FAILED', 'invalid_input'],
  ['BAD_USER_INPUT', 'invalid_input'],
  ['UNAUTHENTICATED', 'unauthorized'],
  ['FORBIDDEN', 'forbidden'],
  ['RATE_LIMITED', 'rate_limited'],
  ['TOO_MANY_REQUESTS', 'rate_limited'],
  // The REST API's ErrorCode (OpenAPI spec 4.6.0: the only value).
  ['ResourceLocked', 'conflict'],
  ['SOMETHING_ELSE', undefined],
])('%s means %s', (code, kind) => {
  expect(cloudTowerErrorKind(code)).toBe(kind)
})
