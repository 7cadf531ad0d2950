import { expect, it } from 'vitest'
import { latin1Text } from './latin1Text.ts'

it('maps every byte to the code point of the same number, also 0x80–0x9f and past 8 KiB', () => {
  expect(latin1Text(Uint8Array.of(0x41, 0x80, 0x9f, 0xe9))).toBe('A\u0080\u009fé')
  const long = new Uint8Array(20_000).fill(0x61)
  expect(latin1Text(long)).toBe('a'.repeat(20_000))
})
