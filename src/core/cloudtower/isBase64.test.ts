import { expect, it } from 'vitest'
import { isBase64 } from './isBase64.js'

it.each([
  ['MTIzNDU2Nzg5YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXo=', true],
  ['ab+/', true],
  ['YQ==', true],
  ['', false],
  ['YQ', false],
  ['YQ=', false],
  ['Y===', false],
  ['ab-_', false],
  ['ab c', false],
  ['=abc', false],
])('%j is base64: %s', (value, expected) => {
  expect(isBase64(value)).toBe(expected)
})
