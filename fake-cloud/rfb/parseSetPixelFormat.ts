import type { ByteQueue } from './ByteQueue.ts'
import { parsePixelFormat } from './parsePixelFormat.ts'
import type { RfbClientMessageOf } from './RfbClientMessageOf.ts'

/** SetPixelFormat (type 0): 3 bytes padding, then PIXEL_FORMAT. Undefined until all 20 are here. */
export function parseSetPixelFormat(
  q: ByteQueue,
): RfbClientMessageOf<'setPixelFormat'> | undefined {
  if (!q.has(20)) return undefined
  const pixelFormat = parsePixelFormat(q.take(20).subarray(4))
  return { type: 'setPixelFormat', pixelFormat }
}
