import type { ByteQueue } from './ByteQueue.ts'
import { decodeExtendedClipboard } from './decodeExtendedClipboard.ts'
import { latin1Text } from './latin1Text.ts'
import type { RfbClientMessageOf } from './RfbClientMessageOf.ts'

/**
 * ClientCutText (type 6): a s32 length, then Latin-1 text; a negative length is the
 * extended-clipboard form, whose Provide text is inflated.
 */
export function parseClientCutText(q: ByteQueue): RfbClientMessageOf<'clientCutText'> | undefined {
  if (!q.has(8)) return undefined
  const length = q.s32(4)
  const size = Math.abs(length)
  if (!q.has(8 + size)) return undefined
  q.skip(8)
  const data = q.take(size)
  if (length >= 0) return { type: 'clientCutText', extended: false, text: latin1Text(data) }
  const { flags, text } = decodeExtendedClipboard(data)
  return text === undefined
    ? { type: 'clientCutText', extended: true, flags }
    : { type: 'clientCutText', extended: true, flags, text }
}
