import { expect, it } from 'vitest'
import { formatLabel } from './formatLabel.js'

it('fills placeholders and leaves unknown ones', () => {
  expect(formatLabel('Reconnecting in {seconds} s', { seconds: 3 })).toBe('Reconnecting in 3 s')
  expect(formatLabel('{a}{b}{c}', { a: 'x', b: 0 })).toBe('x0{c}')
})
