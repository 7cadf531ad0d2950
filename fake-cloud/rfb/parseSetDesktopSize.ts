import type { ByteQueue } from './ByteQueue.ts'
import type { RfbScreen } from './RfbClientMessage.ts'
import type { RfbClientMessageOf } from './RfbClientMessageOf.ts'

/** SetDesktopSize (type 251): the size asked for and a layout of 16-byte screens. */
export function parseSetDesktopSize(
  q: ByteQueue,
): RfbClientMessageOf<'setDesktopSize'> | undefined {
  if (!q.has(8)) return undefined
  const count = q.u8(6)
  if (!q.has(8 + count * 16)) return undefined
  const width = q.u16(2)
  const height = q.u16(4)
  q.skip(8)
  const screens: RfbScreen[] = []
  for (let i = 0; i < count; i++) {
    const at = i * 16
    screens.push({
      id: q.u32(at),
      x: q.u16(at + 4),
      y: q.u16(at + 6),
      width: q.u16(at + 8),
      height: q.u16(at + 10),
      flags: q.u32(at + 12),
    })
  }
  q.skip(count * 16)
  return { type: 'setDesktopSize', width, height, screens }
}
