import { expect, it } from 'vitest'
import { keyboardLayouts } from './keyboardLayouts.js'

it('lists every layout once, en-US first, the twelve the issue asks for included', () => {
  expect(keyboardLayouts[0]).toBe('en-US')
  expect(new Set(keyboardLayouts).size).toBe(keyboardLayouts.length)
  expect(keyboardLayouts).toEqual(
    expect.arrayContaining([
      ...['en-US', 'en-GB', 'de-DE', 'de-CH', 'fr-FR', 'fr-CH', 'es-ES', 'it-IT'],
      ...['pt-BR', 'sv-SE', 'ja-JP', 'ru-RU', 'de-DE-nodeadkeys', 'fr-FR-nodeadkeys'],
    ]),
  )
  expect(keyboardLayouts.length).toBe(24)
})
