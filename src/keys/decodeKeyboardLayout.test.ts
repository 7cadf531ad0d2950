import { expect, it } from 'vitest'
import { decodeKeyboardLayout } from './decodeKeyboardLayout.js'
import { layoutKeyCodes } from './layoutKeyCodes.js'

// A layout with only Backquote and Digit1 set: four levels each, U+0000 for nothing.
const data = (backquote: string, digit1: string) => ({
  id: 'de-DE' as const,
  keys: backquote + digit1 + '\0'.repeat(4 * (layoutKeyCodes.length - 2)),
  keysyms: { ł: 0x1b3 },
})

it('reads each level with its modifiers, the fewest modifiers winning', () => {
  const table = decodeKeyboardLayout(data('a¦\0b', '1b¦ł'))
  expect(table.id).toBe('de-DE')
  expect(table.chars.get('a')).toEqual({
    code: 'Backquote',
    shift: false,
    altGr: false,
    keysym: 0x61,
  })
  expect(table.chars.get('¦')).toEqual({
    code: 'Backquote',
    shift: true,
    altGr: false,
    keysym: 0xa6,
  })
  expect(table.chars.get('b')).toEqual({ code: 'Digit1', shift: true, altGr: false, keysym: 0x62 })
  expect(table.chars.get('ł')).toEqual({ code: 'Digit1', shift: true, altGr: true, keysym: 0x1b3 })
  expect(table.chars.has('\0')).toBe(false)
  expect(table.chars.size).toBe(5)
})

it('reads private-use characters as dead keys', () => {
  const table = decodeKeyboardLayout(data('\ue052\ue050\0\0', '\0\0\0\0'))
  expect(table.chars.size).toBe(0)
  expect(table.dead.get(0xfe52)).toEqual({
    code: 'Backquote',
    shift: false,
    altGr: false,
    keysym: 0xfe52,
    dead: 0xfe52,
  })
  expect(table.dead.get(0xfe50)?.shift).toBe(true)
})

it('counts the ISO and Japanese keys as one modifier more', () => {
  const keys = [...'\0'.repeat(4 * layoutKeyCodes.length)]
  const at = (code: string, level: number, char: string) => {
    keys[layoutKeyCodes.indexOf(code) * 4 + level] = char
  }
  at('IntlBackslash', 0, '<')
  at('Comma', 1, '<')
  at('IntlBackslash', 1, '>')
  at('KeyZ', 3, '>')
  const table = decodeKeyboardLayout({ id: 'sv-SE', keys: keys.join(''), keysyms: {} })
  expect(table.chars.get('<')).toMatchObject({ code: 'Comma', shift: true })
  expect(table.chars.get('>')).toMatchObject({ code: 'IntlBackslash', shift: true, altGr: false })
})
