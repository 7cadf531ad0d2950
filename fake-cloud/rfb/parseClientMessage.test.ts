import { noVncPixelFormat } from '../../test/support/noVncPixelFormat.ts'
import { describe, expect, it } from 'vitest'
import { ByteQueue } from './ByteQueue.ts'
import { ByteWriter } from './ByteWriter.ts'
import { parseClientMessage } from './parseClientMessage.ts'
import { pixelFormatBytes } from './pixelFormatBytes.ts'

const w = () => new ByteWriter()

/** Each message as a client sends it, and what the parser makes of it. */
const MESSAGES = {
  setPixelFormat: [
    w().u8(0).zeros(3).bytes(pixelFormatBytes(noVncPixelFormat)),
    { type: 'setPixelFormat', pixelFormat: noVncPixelFormat },
  ],
  setEncodings: [
    w().u8(2, 0).u16(2).s32(0).s32(-308),
    { type: 'setEncodings', encodings: [0, -308] },
  ],
  framebufferUpdateRequest: [
    w().u8(3, 1).u16(1).u16(2).u16(3).u16(4),
    { type: 'framebufferUpdateRequest', incremental: true, x: 1, y: 2, width: 3, height: 4 },
  ],
  key: [w().u8(4, 1).zeros(2).u32(0xffe3), { type: 'key', down: true, keysym: 0xffe3 }],
  pointer: [w().u8(5, 3).u16(10).u16(20), { type: 'pointer', buttonMask: 3, x: 10, y: 20 }],
  clientCutText: [
    w().u8(6).zeros(3).u32(3).u8(0x70, 0xe9, 0x80),
    { type: 'clientCutText', extended: false, text: 'p\u00e9\u0080' },
  ],
  extendedClientCutText: [
    w()
      .u8(6)
      .zeros(3)
      .s32(-4)
      .u32(1 << 24),
    { type: 'clientCutText', extended: true, flags: 1 << 24 },
  ],
  enableContinuousUpdates: [
    w().u8(150, 1).u16(0).u16(0).u16(16).u16(8),
    { type: 'enableContinuousUpdates', enable: true, x: 0, y: 0, width: 16, height: 8 },
  ],
  fence: [
    w().u8(248).zeros(3).u32(0x80000002).u8(2, 7, 9),
    { type: 'fence', flags: 0x80000002, payload: Uint8Array.of(7, 9) },
  ],
  xvp: [w().u8(250, 0, 1, 3), { type: 'xvp', version: 1, op: 'reboot', code: 3 }],
  xvpUnknown: [w().u8(250, 0, 1, 9), { type: 'xvp', version: 1, op: 'unknown', code: 9 }],
  setDesktopSize: [
    w().u8(251, 0).u16(1024).u16(768).u8(1, 0).u32(5).u16(0).u16(0).u16(1024).u16(768).u32(0),
    {
      type: 'setDesktopSize',
      width: 1024,
      height: 768,
      screens: [{ id: 5, x: 0, y: 0, width: 1024, height: 768, flags: 0 }],
    },
  ],
  qemuKey: [
    w().u8(255, 0).u16(1).u32(0x61).u32(0x1e),
    { type: 'qemuKey', down: true, keysym: 0x61, scancode: 0x1e },
  ],
} as const

describe('parseClientMessage', () => {
  for (const [name, [writer, expected]] of Object.entries(MESSAGES)) {
    it(`${name}: nothing until the last byte is here, then the message, consumed whole`, () => {
      const bytes = writer.finish()
      const q = new ByteQueue()
      q.push(bytes.subarray(0, -1))
      expect(parseClientMessage(q)).toBeUndefined()
      expect(q.length).toBe(bytes.length - 1)
      q.push(bytes.subarray(-1))
      q.push(Uint8Array.of(4)) // the start of the next message stays queued
      expect(parseClientMessage(q)).toEqual(expected)
      expect(q.length).toBe(1)
    })
  }

  it('waits on an empty queue', () => {
    expect(parseClientMessage(new ByteQueue())).toBeUndefined()
  })

  it('throws for unknown message types, QEMU subtypes, colour depths', () => {
    const parse = (writer: ByteWriter) => {
      const q = new ByteQueue()
      q.push(writer.finish())
      return () => parseClientMessage(q)
    }
    expect(parse(w().u8(7))).toThrow('unknown client message type 7')
    expect(parse(w().u8(255, 1))).toThrow('unsupported QEMU client message subtype 1')
    const format = pixelFormatBytes(noVncPixelFormat)
    format[0] = 24
    expect(parse(w().u8(0).zeros(3).bytes(format))).toThrow('unsupported bits per pixel 24')
  })
})
