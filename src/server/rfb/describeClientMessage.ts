import type { RfbClientMessage, RfbClientMessageKind } from './createRfbFilter.js'

/** What a whole client message is: an RfbClientMessage without its bytes and fate. */
type ClientMessageFacts = Omit<RfbClientMessage, 'bytes' | 'dropped'>

const KINDS: Partial<Record<number, RfbClientMessageKind>> = {
  0: 'setPixelFormat',
  2: 'setEncodings',
  3: 'updateRequest',
  4: 'key',
  5: 'pointer',
  6: 'clipboard',
  150: 'continuousUpdates',
  248: 'fence',
  250: 'xvp',
  251: 'setDesktopSize',
  255: 'qemu',
}

/** Names a whole, already measured client message and reads the facts the audit needs. */
export function describeClientMessage(message: Uint8Array): ClientMessageFacts {
  const view = new DataView(message.buffer, message.byteOffset, message.byteLength)
  const kind = KINDS[message[0] ?? -1]
  if (kind === undefined) throw new TypeError('describeClientMessage: not a measured message')
  if (kind === 'key') return { kind, down: view.getUint8(1) !== 0, keysym: view.getUint32(4) }
  if (kind === 'qemu' && message[1] === 0) {
    return { kind: 'qemuKey', down: view.getUint16(2) !== 0, keysym: view.getUint32(4) }
  }
  if (kind === 'clipboard') {
    const length = view.getInt32(4)
    return { kind, clipboardLength: Math.abs(length), clipboardExtended: length < 0 }
  }
  return { kind }
}
