import { expect, it } from 'vitest'
import { isKeyboardLayout } from './isKeyboardLayout.js'

it.each(['en-US', 'de-DE-nodeadkeys', 'ja-JP'])('accepts %s', (id) => {
  expect(isKeyboardLayout(id)).toBe(true)
})

it.each(['', 'en-us', 'de', 'toString', null, 1, {}])('refuses %j', (value) => {
  expect(isKeyboardLayout(value)).toBe(false)
})
