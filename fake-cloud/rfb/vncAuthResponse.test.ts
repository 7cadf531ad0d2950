import { describe, expect, it } from 'vitest'
import { vncAuthResponse } from './vncAuthResponse.ts'

const challenge = Uint8Array.from({ length: 16 }, (_, i) => i * 0x11)

describe('vncAuthResponse', () => {
  it('matches OpenSSL des-ecb with the bit-reversed key (and noVNC genDES)', () => {
    // openssl enc -des-ecb -nopad -K <"password" with each byte bit-reversed> on 00 11 22 … ff
    expect(Buffer.from(vncAuthResponse('password', challenge)).toString('hex')).toBe(
      'b7b9c87777661a7a2299733209bfdfce',
    )
  })

  it('uses only the first 8 characters of the password', () => {
    expect(vncAuthResponse('password-and-more', challenge)).toEqual(
      vncAuthResponse('password', challenge),
    )
  })

  it('differs for a different password', () => {
    expect(vncAuthResponse('secret', challenge)).not.toEqual(vncAuthResponse('password', challenge))
  })
})
