import { expect, it } from 'vitest'
import { keysymForCharacter } from './keysymForCharacter.js'

it.each([
  ['a', 0x61],
  ['~', 0x7e],
  [' ', 0x20],
  ['ß', 0xdf],
  ['é', 0xe9],
  ['€', 0x20ac],
  ['中', 0x1004e2d],
  ['😀', 0x101f600],
])('maps %s to its keysym', (char, keysym) => {
  expect(keysymForCharacter(char)).toBe(keysym)
})
