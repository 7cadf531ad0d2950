import { describe, expect, it } from 'vitest'
import { isComposedKey } from './isComposedKey.js'

describe('isComposedKey', () => {
  it('is a key an input method is composing with', () => {
    expect(isComposedKey({ isComposing: true, key: 'n', keyCode: 78 })).toBe(true)
    expect(isComposedKey({ isComposing: false, key: 'Process', keyCode: 0 })).toBe(true)
    expect(isComposedKey({ isComposing: false, key: 'Unidentified', keyCode: 229 })).toBe(true)
  })
  it('is not a plain key', () => {
    expect(isComposedKey({ isComposing: false, key: 'n', keyCode: 78 })).toBe(false)
  })
})
