import { desEncrypt } from './desEncrypt.ts'

/** Reverses the bit order of a byte (VNC's historic quirk: the key bytes go into DES mirrored). */
function reverseBits(byte: number): number {
  let reversed = 0
  for (let i = 0; i < 8; i++) reversed |= ((byte >> i) & 1) << (7 - i)
  return reversed
}

/**
 * The 16-byte answer to a VNC Authentication challenge: DES-ECB of the challenge, keyed by the first
 * 8 Latin-1 bytes of the password (zero-padded), each key byte bit-reversed as every VNC
 * implementation does.
 */
export function vncAuthResponse(password: string, challenge: Uint8Array): Uint8Array {
  if (challenge.length !== 16) throw new RangeError('a VNC challenge is 16 bytes')
  const key = new Uint8Array(8)
  for (let i = 0; i < 8 && i < password.length; i++)
    key[i] = reverseBits(password.charCodeAt(i) & 0xff)
  const response = new Uint8Array(16)
  response.set(desEncrypt(key, challenge.subarray(0, 8)), 0)
  response.set(desEncrypt(key, challenge.subarray(8, 16)), 8)
  return response
}
