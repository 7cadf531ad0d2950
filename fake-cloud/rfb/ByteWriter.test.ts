import { describe, expect, it } from 'vitest'
import { ByteWriter } from './ByteWriter.ts'

describe('ByteWriter', () => {
  it('writes big-endian numbers, padding and bytes in order', () => {
    const bytes = new ByteWriter()
      .u8(3, 0x1ff)
      .u16(0x0102)
      .u32(0xfffffffe)
      .s32(-258)
      .zeros(2)
      .bytes(Uint8Array.of(9))
      .finish()
    expect([...bytes]).toEqual([
      3, 0xff, 1, 2, 0xff, 0xff, 0xff, 0xfe, 0xff, 0xff, 0xfe, 0xfe, 0, 0, 9,
    ])
  })

  it('writes Latin-1 with ? for what it cannot hold, and length-prefixed UTF-8', () => {
    expect([...new ByteWriter().latin1('é€').finish()]).toEqual([0xe9, 0x3f])
    const bytes = new ByteWriter().string('é').finish()
    expect([...bytes]).toEqual([0, 0, 0, 2, 0xc3, 0xa9])
  })

  it('counts what it holds', () => {
    expect(new ByteWriter().u16(1).u32(2).length).toBe(6)
  })
})
