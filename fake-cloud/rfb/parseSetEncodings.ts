import type { ByteQueue } from './ByteQueue.ts'
import type { RfbClientMessageOf } from './RfbClientMessageOf.ts'

/** SetEncodings (type 2): a u16 count, then that many s32 encodings, preferred first. */
export function parseSetEncodings(q: ByteQueue): RfbClientMessageOf<'setEncodings'> | undefined {
  if (!q.has(4)) return undefined
  const count = q.u16(2)
  if (!q.has(4 + count * 4)) return undefined
  q.skip(4)
  const encodings: number[] = []
  for (let i = 0; i < count; i++) encodings.push(q.s32(i * 4))
  q.skip(count * 4)
  return { type: 'setEncodings', encodings }
}
