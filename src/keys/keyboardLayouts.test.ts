import { expect, it } from 'vitest'
import { keyboardLayouts } from './keyboardLayouts.js'

it('types every printable ASCII character on the US layout', () => {
  const us = keyboardLayouts['en-US'].chars
  for (let cp = 0x20; cp <= 0x7e; cp++) expect(us.has(String.fromCharCode(cp))).toBe(true)
  expect(us.get('A')).toEqual({ code: 'KeyA', shift: true, altGr: false })
  expect(us.get('"')).toEqual({ code: 'Quote', shift: true, altGr: false })
})

it('places German keys where a QWERTZ keyboard has them, dead keys marked', () => {
  const de = keyboardLayouts['de-DE'].chars
  expect(de.get('z')).toEqual({ code: 'KeyY', shift: false, altGr: false })
  expect(de.get('y')).toEqual({ code: 'KeyZ', shift: false, altGr: false })
  expect(de.get('@')).toEqual({ code: 'KeyQ', shift: false, altGr: true })
  expect(de.get('ß')).toEqual({ code: 'Minus', shift: false, altGr: false })
  expect(de.get('Ü')).toEqual({ code: 'BracketLeft', shift: true, altGr: false })
  expect(de.get('|')).toEqual({ code: 'IntlBackslash', shift: false, altGr: true })
  expect(de.get('^')).toEqual({ code: 'Backquote', shift: false, altGr: false, dead: 0xfe52 })
  expect(de.get('`')).toEqual({ code: 'Equal', shift: true, altGr: false, dead: 0xfe50 })
  for (let cp = 0x20; cp <= 0x7e; cp++) expect(de.has(String.fromCharCode(cp))).toBe(true)
})

it('places French keys where an AZERTY keyboard has them', () => {
  const fr = keyboardLayouts['fr-FR'].chars
  expect(fr.get('a')).toEqual({ code: 'KeyQ', shift: false, altGr: false })
  expect(fr.get('m')).toEqual({ code: 'Semicolon', shift: false, altGr: false })
  expect(fr.get(',')).toEqual({ code: 'KeyM', shift: false, altGr: false })
  expect(fr.get('1')).toEqual({ code: 'Digit1', shift: true, altGr: false })
  expect(fr.get('@')).toEqual({ code: 'Digit0', shift: false, altGr: true })
  expect(fr.get('^')).toEqual({ code: 'Digit9', shift: false, altGr: true })
  expect(keyboardLayouts['fr-FR'].dead.get(0xfe52)).toEqual({
    code: 'BracketLeft',
    shift: false,
    altGr: false,
    dead: 0xfe52,
  })
  for (let cp = 0x20; cp <= 0x7e; cp++) expect(fr.has(String.fromCharCode(cp))).toBe(true)
})
