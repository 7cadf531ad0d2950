import { describe, expect, it } from 'vitest'
import { desEncrypt } from './desEncrypt.ts'

const hex = (text: string) => Uint8Array.from(Buffer.from(text, 'hex'))

describe('desEncrypt', () => {
  it('matches the classic textbook vector', () => {
    const out = desEncrypt(hex('133457799bbcdff1'), hex('0123456789abcdef'))
    expect(Buffer.from(out).toString('hex')).toBe('85e813540f0ab405')
  })

  it('matches the NIST all-zero-plaintext vector', () => {
    // FIPS 81 / NBS validation: key 0101010101010101 (all-zero key after parity), plaintext 8000000000000000.
    const out = desEncrypt(hex('0101010101010101'), hex('8000000000000000'))
    expect(Buffer.from(out).toString('hex')).toBe('95f8a5e5dd31d900')
  })

  it('rejects wrong sizes', () => {
    expect(() => desEncrypt(new Uint8Array(7), new Uint8Array(8))).toThrow(RangeError)
  })
})
