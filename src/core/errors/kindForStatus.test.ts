import { expect, it } from 'vitest'
import { kindForStatus } from './kindForStatus.js'

it.each([
  [400, 'invalid_input'],
  [401, 'unauthorized'],
  [403, 'forbidden'],
  [404, 'not_found'],
  [408, 'timeout'],
  [409, 'conflict'],
  [410, 'not_found'],
  [422, 'invalid_input'],
  [429, 'rate_limited'],
  [500, 'server'],
  [502, 'server'],
  [599, 'server'],
  [302, 'invalid_response'],
  [418, 'invalid_response'],
])('HTTP %i means %s', (status, kind) => {
  expect(kindForStatus(status)).toBe(kind)
})
