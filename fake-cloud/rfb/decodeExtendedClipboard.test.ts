import { constants, deflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { decodeExtendedClipboard } from './decodeExtendedClipboard.ts'

const PROVIDE_TEXT = (1 << 28) | 1

function provide(flags: number, text: string): Uint8Array {
  const utf8 = new TextEncoder().encode(`${text}\0`)
  const plain = new Uint8Array(4 + utf8.length)
  new DataView(plain.buffer).setUint32(0, utf8.length)
  plain.set(utf8, 4)
  // As noVNC does: flushed, never finished.
  const deflated = deflateSync(plain, { finishFlush: constants.Z_SYNC_FLUSH })
  const message = new Uint8Array(4 + deflated.length)
  new DataView(message.buffer).setUint32(0, flags >>> 0)
  message.set(deflated, 4)
  return message
}

describe('decodeExtendedClipboard', () => {
  it('inflates a Provide text, without its NUL and with \\n line ends', () => {
    expect(decodeExtendedClipboard(provide(PROVIDE_TEXT, 'héllo\r\nworld'))).toEqual({
      flags: PROVIDE_TEXT >>> 0,
      text: 'héllo\nworld',
    })
  })

  it('has no text for other actions or undecodable data, but keeps the flags', () => {
    const notify = (1 << 27) | 1
    expect(decodeExtendedClipboard(provide(notify, 'x'))).toEqual({
      flags: notify,
      text: undefined,
    })
    const garbage = Uint8Array.of(0x10, 0, 0, 1, 0xde, 0xad, 0xbe, 0xef)
    expect(decodeExtendedClipboard(garbage)).toEqual({ flags: PROVIDE_TEXT, text: undefined })
    expect(decodeExtendedClipboard(Uint8Array.of(1, 2))).toEqual({ flags: 0, text: undefined })
  })
})
