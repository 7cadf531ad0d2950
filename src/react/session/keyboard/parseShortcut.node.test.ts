import { describe, expect, it } from 'vitest'
import { parseShortcut } from './parseShortcut.js'

describe('parseShortcut', () => {
  it('reads modifiers and a DOM code, and announces the key as printed', () => {
    expect(parseShortcut('Control+Shift+KeyV')).toEqual({
      ctrl: true,
      shift: true,
      alt: false,
      meta: false,
      key: 'KeyV',
      aria: 'Control+Shift+V',
    })
    expect(parseShortcut('Shift+Insert')?.aria).toBe('Shift+Insert')
    expect(parseShortcut('Meta+Alt+Digit1')?.aria).toBe('Alt+Meta+1')
  })
  it('refuses an unknown modifier or a missing key', () => {
    expect(parseShortcut('Hyper+KeyV')).toBeUndefined()
    expect(parseShortcut('Control+')).toBeUndefined()
    expect(parseShortcut('')).toBeUndefined()
  })
})
