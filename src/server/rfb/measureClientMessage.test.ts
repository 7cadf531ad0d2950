import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { measureClientMessage } from './measureClientMessage.js'
import { RfbProtocolError } from './RfbProtocolError.js'

const bytes = (...values: number[]) => Uint8Array.from(values)

describe('measureClientMessage', () => {
  it.each([
    ['SetPixelFormat', [0], 20],
    ['SetEncodings, 3', [2, 0, 0, 3], 16],
    ['FramebufferUpdateRequest', [3], 10],
    ['KeyEvent', [4], 8],
    ['PointerEvent', [5, 0x01], 6],
    ['ClientCutText, 5', [6, 0, 0, 0, 0, 0, 0, 5], 13],
    ['ClientCutText, extended 12 (length -12)', [6, 0, 0, 0, 0xff, 0xff, 0xff, 0xf4], 20],
    ['EnableContinuousUpdates', [150], 10],
    ['ClientFence, 4', [248, 0, 0, 0, 0, 0, 0, 0, 4], 13],
    ['XVP', [250], 4],
    ['SetDesktopSize, 2 screens', [251, 0, 0, 0, 0, 0, 2], 40],
    ['QEMU extended key', [255, 0], 12],
    ['QEMU audio enable', [255, 1, 0, 0], 4],
    ['QEMU audio disable', [255, 1, 0, 1], 4],
    ['QEMU audio set format', [255, 1, 0, 2], 10],
  ])('%s', (_name, head, length) => {
    expect(measureClientMessage(Uint8Array.from(head), 0, false)).toBe(length)
    // Fewer bytes than the header needs: not known yet (never a wrong guess).
    for (let n = 0; n < head.length; n++) {
      expect(measureClientMessage(Uint8Array.from(head.slice(0, n)), 0, false)).toBeUndefined()
    }
  })

  it('measures the message at `start`, not at the start of the array', () => {
    const data = bytes(9, 9, 2, 0, 0, 2)
    expect(measureClientMessage(data, 2, false)).toBe(12)
    expect(measureClientMessage(data, 3, false)).toBe(20)
    expect(measureClientMessage(data, 6, false)).toBeUndefined()
    expect(measureClientMessage(bytes(4, 4, 2, 0), 2, false)).toBeUndefined()
  })

  it('reads the ExtendedMouseButtons form only once announced', () => {
    expect(measureClientMessage(bytes(5, 0x81), 0, false)).toBe(6)
    expect(measureClientMessage(bytes(5, 0x81), 0, true)).toBe(7)
    expect(measureClientMessage(bytes(5, 0x01), 0, true)).toBe(6)
  })

  it('never needs more than 9 bytes to tell, and answers only a length or RfbProtocolError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 9, maxLength: 9 }), fc.boolean(), (head, ext) => {
        try {
          const length = measureClientMessage(head, 0, ext)
          expect(length).toBeGreaterThanOrEqual(4)
        } catch (error) {
          expect(error).toBeInstanceOf(RfbProtocolError)
          expect((error as RfbProtocolError).side).toBe('client')
        }
      }),
    )
  })

  it('refuses unknown types, too many encodings, long fences, unknown QEMU messages', () => {
    expect(() => measureClientMessage(bytes(1), 0, false)).toThrow(/unknown RFB message type 1/)
    expect(measureClientMessage(bytes(2, 0, 0x04, 0x00), 0, false)).toBe(4 + 4 * 1024)
    expect(() => measureClientMessage(bytes(2, 0, 0x04, 0x01), 0, false)).toThrow(/1025 encodings/)
    expect(() => measureClientMessage(bytes(248, 0, 0, 0, 0, 0, 0, 0, 65), 0, false)).toThrow(
      /65 bytes/,
    )
    expect(() => measureClientMessage(bytes(255, 7), 0, false)).toThrow(/subtype 7/)
    expect(() => measureClientMessage(bytes(255, 1, 1, 0), 0, false)).toThrow(/operation 256/)
  })
})
