import type { ByteQueue } from './ByteQueue.ts'
import type { RfbClientMessageOf } from './RfbClientMessageOf.ts'

/** KeyEvent (type 4): down flag, 2 bytes padding, keysym. */
export function parseKeyEvent(q: ByteQueue): RfbClientMessageOf<'key'> | undefined {
  if (!q.has(8)) return undefined
  const down = q.u8(1) !== 0
  const keysym = q.u32(4)
  q.skip(8)
  return { type: 'key', down, keysym }
}
