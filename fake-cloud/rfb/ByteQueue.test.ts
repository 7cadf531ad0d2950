import { describe, expect, it } from 'vitest'
import { ByteQueue } from './ByteQueue.ts'

describe('ByteQueue', () => {
  it('reads big-endian numbers across chunk boundaries', () => {
    const queue = new ByteQueue()
    queue.push(Uint8Array.of(0x01, 0x02))
    expect(queue.has(4)).toBe(false)
    queue.push(Uint8Array.of(0x03, 0xff, 0xff, 0xfe, 0xfe))
    expect(queue.u16()).toBe(0x0102)
    expect(queue.u32()).toBe(0x010203ff)
    expect(queue.s32(3)).toBe(-258)
    queue.skip(3)
    expect([...queue.take(2)]).toEqual([0xff, 0xff])
    expect(queue.length).toBe(2)
  })

  it('returns copies and refuses to over-read', () => {
    const queue = new ByteQueue()
    const chunk = Uint8Array.of(1, 2, 3)
    queue.push(chunk)
    const taken = queue.take(2)
    chunk[0] = 9
    expect([...taken]).toEqual([1, 2])
    expect(() => queue.take(5)).toThrow(RangeError)
  })
})
