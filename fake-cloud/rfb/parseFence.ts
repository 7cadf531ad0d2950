import type { ByteQueue } from './ByteQueue.ts'
import type { RfbClientMessageOf } from './RfbClientMessageOf.ts'

/** ClientFence (type 248): 3 bytes padding, flags, a u8 length and the payload. Logged only. */
export function parseFence(q: ByteQueue): RfbClientMessageOf<'fence'> | undefined {
  if (!q.has(9)) return undefined
  const length = q.u8(8)
  if (!q.has(9 + length)) return undefined
  const flags = q.u32(4)
  q.skip(9)
  return { type: 'fence', flags, payload: q.take(length) }
}
