import type { ByteQueue } from './ByteQueue.ts'
import type { RfbClientMessageOf } from './RfbClientMessageOf.ts'

/** EnableContinuousUpdates (type 150): logged only, this server does not do continuous updates. */
export function parseEnableContinuousUpdates(
  q: ByteQueue,
): RfbClientMessageOf<'enableContinuousUpdates'> | undefined {
  if (!q.has(10)) return undefined
  const m = {
    enable: q.u8(1) !== 0,
    x: q.u16(2),
    y: q.u16(4),
    width: q.u16(6),
    height: q.u16(8),
  }
  q.skip(10)
  return { type: 'enableContinuousUpdates', ...m }
}
