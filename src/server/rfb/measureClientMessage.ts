import { RfbProtocolError } from './RfbProtocolError.js'

/** SetEncodings past this many encodings is refused (noVNC sends about 30). */
const MAX_ENCODINGS = 1024
/** ClientFence payloads are at most 64 bytes (the Fence extension's own limit). */
const MAX_FENCE_PAYLOAD = 64

function fail(message: string): never {
  throw new RfbProtocolError('client', message)
}

/**
 * The length of the client→server RFB message at `bytes[start]` (after the handshake), or
 * undefined while too few bytes have arrived to tell. Every message noVNC 1.5–1.7 can send is known
 * (RFC 6143 §7.5 plus the extensions in noVNC's core/rfb.js `RFB.messages`); anything else throws,
 * since RFB has no generic framing to skip an unknown message by. At most 9 bytes are ever needed to
 * tell a length. `extendedPointer`: the client announced ExtendedMouseButtons (-316), so a
 * PointerEvent with the marker bit (0x80) set carries one more byte of buttons (7 bytes, not 6).
 */
export function measureClientMessage(
  bytes: Uint8Array,
  start: number,
  extendedPointer: boolean,
): number | undefined {
  // Indexed reads, no DataView or subarray: this runs for every message of every session.
  const available = bytes.length - start
  const at = (offset: number) => bytes[start + offset] ?? 0
  if (available < 1) return undefined
  const type = at(0)
  switch (type) {
    case 0: // SetPixelFormat
      return 20
    case 2: {
      // SetEncodings: u8 type, pad, u16 count, s32 × count
      if (available < 4) return undefined
      const count = (at(2) << 8) | at(3)
      if (count > MAX_ENCODINGS)
        fail(`SetEncodings lists ${count} encodings (at most ${MAX_ENCODINGS})`)
      return 4 + 4 * count
    }
    case 3: // FramebufferUpdateRequest
      return 10
    case 4: // KeyEvent
      return 8
    case 5: {
      // PointerEvent; noVNC 1.7 sends the 7-byte ExtendedMouseButtons form only when the server
      // confirmed -316, which it can only do if the client announced it.
      if (available < 2) return undefined
      return extendedPointer && at(1) & 0x80 ? 7 : 6
    }
    case 6: {
      // ClientCutText: a s32 length; negative means |length| bytes of extended-clipboard data
      // (noVNC's clientCutText(…, extended) sends toUnsigned32bit(-data.length)).
      if (available < 8) return undefined
      return 8 + Math.abs((at(4) << 24) | (at(5) << 16) | (at(6) << 8) | at(7))
    }
    case 150: // EnableContinuousUpdates
      return 10
    case 248: {
      // ClientFence: u8 type, 3 pad, u32 flags, u8 length, payload
      if (available < 9) return undefined
      const length = at(8)
      if (length > MAX_FENCE_PAYLOAD) fail(`ClientFence carries ${length} bytes (at most 64)`)
      return 9 + length
    }
    case 250: // XVP: type, pad, version, op
      return 4
    case 251: {
      // SetDesktopSize: type, pad, u16 width, u16 height, u8 screens, pad, 16 bytes per screen
      if (available < 7) return undefined
      return 8 + 16 * at(6)
    }
    case 255:
      return measureQemuMessage(available, at)
    default:
      return fail(`the browser sent an unknown RFB message type ${type}`)
  }
}

/** QEMU client messages (type 255), as QEMU's ui/vnc.c reads them. */
function measureQemuMessage(available: number, at: (offset: number) => number): number | undefined {
  if (available < 2) return undefined
  const subtype = at(1)
  if (subtype === 0) return 12 // extended key event: u16 down, u32 keysym, u32 keycode
  if (subtype !== 1) fail(`the browser sent an unknown QEMU message subtype ${subtype}`)
  // Audio: u16 operation; 0 enable and 1 disable are 4 bytes, 2 set-format adds u8 format,
  // u8 channels and u32 frequency.
  if (available < 4) return undefined
  const operation = (at(2) << 8) | at(3)
  if (operation === 0 || operation === 1) return 4
  if (operation === 2) return 10
  return fail(`the browser sent an unknown QEMU audio operation ${operation}`)
}
