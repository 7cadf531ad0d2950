import { expect, it } from 'vitest'
import { ConsoleError } from '../core/errors/ConsoleError.js'
import { parseKeyCombo } from './parseKeyCombo.js'

it('reads Ctrl+Alt+Delete as the three keys in order', () => {
  expect(parseKeyCombo('Ctrl+Alt+Delete')).toEqual([
    { keysym: 0xffe3, code: 'ControlLeft' },
    { keysym: 0xffe9, code: 'AltLeft' },
    { keysym: 0xffff, code: 'Delete' },
  ])
})

it.each([
  ['ctrl + alt + f1', [0xffe3, 0xffe9, 0xffbe]],
  ['Ctrl+Alt+F12', [0xffe3, 0xffe9, 0xffc9]],
  ['Ctrl+Alt+Backspace', [0xffe3, 0xffe9, 0xff08]],
  ['Alt+Tab', [0xffe9, 0xff09]],
  ['Alt+F4', [0xffe9, 0xffc1]],
  ['Esc', [0xff1b]],
  ['PrintScreen', [0xff61]],
  ['Super', [0xffeb]],
  ['Win+R', [0xffeb, 0x72]],
  ['Ctrl+c', [0xffe3, 0x63]],
  ['Ctrl++', [0xffe3, 0x2b]],
  ['+', [0x2b]],
  ['é', [0xe9]],
  ['€', [0x10020ac]],
])('reads %s', (combo, keysyms) => {
  expect(parseKeyCombo(combo).map((k) => k.keysym)).toEqual(keysyms)
})

it('gives letters, digits and punctuation their DOM codes', () => {
  expect(parseKeyCombo('A+1+/').map((k) => k.code)).toEqual(['KeyA', 'Digit1', 'Slash'])
})

it.each(['', '  ', 'Ctrl+Bogus', 'Hyper'])('refuses %j', (combo) => {
  expect(() => parseKeyCombo(combo)).toThrow(ConsoleError)
})
