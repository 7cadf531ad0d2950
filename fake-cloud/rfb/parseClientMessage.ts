import type { ByteQueue } from './ByteQueue.ts'
import { parseClientCutText } from './parseClientCutText.ts'
import { parseEnableContinuousUpdates } from './parseEnableContinuousUpdates.ts'
import { parseFence } from './parseFence.ts'
import { parseKeyEvent } from './parseKeyEvent.ts'
import { parsePointerEvent } from './parsePointerEvent.ts'
import { parseQemuMessage } from './parseQemuMessage.ts'
import { parseSetDesktopSize } from './parseSetDesktopSize.ts'
import { parseSetEncodings } from './parseSetEncodings.ts'
import { parseSetPixelFormat } from './parseSetPixelFormat.ts'
import { parseUpdateRequest } from './parseUpdateRequest.ts'
import { parseXvp } from './parseXvp.ts'
import type { RfbClientMessage } from './RfbClientMessage.ts'

/** The parser of each client message type (RFC 6143 §7.5 plus the extensions noVNC uses). */
const PARSERS: Record<number, (q: ByteQueue) => RfbClientMessage | undefined> = {
  0: parseSetPixelFormat,
  2: parseSetEncodings,
  3: parseUpdateRequest,
  4: parseKeyEvent,
  5: parsePointerEvent,
  6: parseClientCutText,
  150: parseEnableContinuousUpdates,
  248: parseFence,
  250: parseXvp,
  251: parseSetDesktopSize,
  255: parseQemuMessage,
}

/**
 * Takes one whole client message off the queue, or nothing (undefined) while it is incomplete.
 * Throws for message types and contents the server does not understand: RFB cannot skip them.
 */
export function parseClientMessage(q: ByteQueue): RfbClientMessage | undefined {
  if (!q.has(1)) return undefined
  const type = q.u8()
  const parse = PARSERS[type]
  if (!parse) throw new Error(`unknown client message type ${type}`)
  return parse(q)
}
