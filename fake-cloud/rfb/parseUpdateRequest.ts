import type { ByteQueue } from './ByteQueue.ts'
import type { RfbClientMessageOf } from './RfbClientMessageOf.ts'

/** FramebufferUpdateRequest (type 3): incremental flag and the rectangle asked for. */
export function parseUpdateRequest(
  q: ByteQueue,
): RfbClientMessageOf<'framebufferUpdateRequest'> | undefined {
  if (!q.has(10)) return undefined
  const incremental = q.u8(1) !== 0
  const rect = { x: q.u16(2), y: q.u16(4), width: q.u16(6), height: q.u16(8) }
  q.skip(10)
  return { type: 'framebufferUpdateRequest', incremental, ...rect }
}
