import { expect, it } from 'vitest'
import { isHeaderValue } from './isHeaderValue.js'

it.each([
  ['eyJhbGciOiJIUzI1NiJ9.abc-_=+/', true],
  ['with space and\ttab', true],
  ['latin-1 é', true],
  ['line\r\nInjected: yes', false],
  ['nul\u0000', false],
  ['del\u007f', false],
  ['token€', false],
  ['中文', false],
  ['', false],
  [' \t', false],
  [42, false],
  [undefined, false],
])('%j can be a header value: %s', (value, expected) => {
  expect(isHeaderValue(value)).toBe(expected)
})
