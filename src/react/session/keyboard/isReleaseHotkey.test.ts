import { describe, expect, it } from 'vitest'
import { isReleaseHotkey } from './isReleaseHotkey.js'

const press = (key: string, ctrlKey = true, altKey = true, shiftKey = true) => ({
  key,
  ctrlKey,
  altKey,
  shiftKey,
})

describe('isReleaseHotkey', () => {
  it('is Ctrl+Alt+Shift, completed by any of the three', () => {
    for (const key of ['Control', 'Alt', 'Shift']) expect(isReleaseHotkey(press(key))).toBe(true)
  })
  it('is not a combination with a character key, or with a modifier missing', () => {
    expect(isReleaseHotkey(press('a'))).toBe(false)
    expect(isReleaseHotkey(press('Delete'))).toBe(false)
    expect(isReleaseHotkey(press('Shift', true, true, false))).toBe(false)
    expect(isReleaseHotkey(press('Alt', false, true, true))).toBe(false)
  })
})
