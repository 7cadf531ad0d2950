import type { ByteQueue } from './ByteQueue.ts'
import type { RfbClientMessageOf } from './RfbClientMessageOf.ts'

/** PointerEvent (type 5): button mask and position. */
export function parsePointerEvent(q: ByteQueue): RfbClientMessageOf<'pointer'> | undefined {
  if (!q.has(6)) return undefined
  const event = { buttonMask: q.u8(1), x: q.u16(2), y: q.u16(4) }
  q.skip(6)
  return { type: 'pointer', ...event }
}
