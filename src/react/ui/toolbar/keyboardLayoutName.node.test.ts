import { describe, expect, it } from 'vitest'
import { keyboardLayoutName } from './keyboardLayoutName.js'

const labels = { layoutNoDeadKeys: '{name}, no dead keys' }

describe('keyboardLayoutName', () => {
  it('names a layout in the console language', () => {
    expect(keyboardLayoutName('de-DE', 'en-US', labels)).toBe('German (Germany)')
    expect(keyboardLayoutName('en-GB', 'en-US', labels)).toBe('British English')
    expect(keyboardLayoutName('ja-JP', 'zh-CN', labels)).toBe('日语（日本）')
  })
  it('says which variant it is', () => {
    expect(keyboardLayoutName('fr-FR-nodeadkeys', 'en-US', labels)).toBe(
      'French (France), no dead keys',
    )
    expect(keyboardLayoutName('en-US-intl', 'en-US', labels)).toBe('American English (intl)')
  })
})
