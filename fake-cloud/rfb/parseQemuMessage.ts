import type { ByteQueue } from './ByteQueue.ts'
import type { RfbClientMessageOf } from './RfbClientMessageOf.ts'

/** A QEMU client message (type 255); only subtype 0, the extended key event, is understood. */
export function parseQemuMessage(q: ByteQueue): RfbClientMessageOf<'qemuKey'> | undefined {
  if (!q.has(2)) return undefined
  const subtype = q.u8(1)
  if (subtype !== 0) throw new Error(`unsupported QEMU client message subtype ${subtype}`)
  if (!q.has(12)) return undefined
  const down = q.u16(2) !== 0
  const keysym = q.u32(4)
  const scancode = q.u32(8)
  q.skip(12)
  return { type: 'qemuKey', down, keysym, scancode }
}
