import { expect, it } from 'vitest'
import { truncate } from './truncate.js'

it('keeps short text and cuts long text with an ellipsis', () => {
  expect(truncate('short')).toBe('short')
  expect(truncate('x'.repeat(250))).toBe(`${'x'.repeat(200)}…`)
  expect(truncate('abcdef', 3)).toBe('abc…')
})
