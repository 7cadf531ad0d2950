import { expect, it } from 'vitest'
import { asRecord } from './asRecord.js'

it('returns plain objects and refuses everything else', () => {
  const object = { a: 1 }
  expect(asRecord(object)).toBe(object)
  for (const value of [null, undefined, [], 'x', 1, true]) expect(asRecord(value)).toBeUndefined()
})
