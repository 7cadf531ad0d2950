import { expect, it } from 'vitest'
import { huaweiErrorKind } from './huaweiErrorKind.js'

it.each([
  ['Ecs.0114', 'not_found'],
  ['Ecs.0614', 'not_found'],
  ['Ecs.0003', 'forbidden'],
  ['Ecs.0005', 'invalid_input'],
  ['APIGW.0301', 'unauthorized'],
  ['APIGW.0101', 'not_found'],
  ['APIGW.0308', 'rate_limited'],
  ['Ecs.9999', undefined],
  ['toString', undefined],
])('%s means %s', (code, kind) => {
  expect(huaweiErrorKind(code)).toBe(kind)
})
