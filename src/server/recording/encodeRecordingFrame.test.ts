import { describe, expect, it } from 'vitest'
import { encodeRecordingFrame } from './encodeRecordingFrame.js'

describe('encodeRecordingFrame', () => {
  it('lays out direction, ms and length big-endian, then the payload', () => {
    const frame = encodeRecordingFrame(1, 258.4, new Uint8Array([7, 8, 9]))
    expect([...frame]).toEqual([1, 0, 0, 1, 2, 0, 0, 0, 3, 7, 8, 9])
  })

  it('copies the payload (the relay may reuse its buffer)', () => {
    const payload = new Uint8Array([1])
    const frame = encodeRecordingFrame(0, 0, payload)
    payload[0] = 2
    expect(frame[9]).toBe(1)
  })

  it('clamps times into uint32', () => {
    const view = (ms: number) => new DataView(encodeRecordingFrame(0, ms, new Uint8Array()).buffer)
    expect(view(-5).getUint32(1)).toBe(0)
    expect(view(2 ** 40).getUint32(1)).toBe(0xffff_ffff)
  })
})
