import { RfbProtocolError } from './RfbProtocolError.js'

/** SetEncodings past this many encodings is refused (noVNC sends about 30). */
const MAX_ENCODINGS = 1024
/** ClientFence payloads are at most 64 bytes (the Fence extension's own limit). */
const MAX_FENCE_PAYLOAD = 64

function fail(message: string): never {
  throw new RfbProtocolError('client', message)
}

/**
 * The length of the client→server RFB message at the start of `bytes` (after the handshake), or
 * undefined while too few bytes have arrived to tell. Every message noVNC 1.5–1.7 can send is known
 * (RFC 6143 §7.5 plus the extensions in noVNC's core/rfb.js `RFB.messages`); anything else throws,
 * since RFB has no generic framing to skip an unknown message by. At most 9 bytes are ever needed to
 * tell a length. `extendedPointer`: the client announced ExtendedMouseButtons (-316), so a
 * PointerEvent with the marker bit (0x80) set carries one more byte of buttons (7 bytes, not 6).
 */
export function measureClientMessage(
  bytes: Uint8Array,
  extendedPointer: boolean,
): number | undefined {
  const type = bytes[0]
  if (type === undefined) return undefined
  const view = () => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  switch (type) {
    case 0: // SetPixelFormat
      return 20
    case 2: {
      // SetEncodings: u8 type, pad, u16 count, s32 × count
      if (bytes.length < 4) return undefined
      const count = view().getUint16(2)
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
      const mask = bytes[1]
      if (mask === undefined) return undefined
      return extendedPointer && mask & 0x80 ? 7 : 6
    }
    case 6: {
      // ClientCutText: a s32 length; negative means |length| bytes of extended-clipboard data
      // (noVNC's clientCutText(…, extended) sends toUnsigned32bit(-data.length)).
      if (bytes.length < 8) return undefined
      return 8 + Math.abs(view().getInt32(4))
    }
    case 150: // EnableContinuousUpdates
      return 10
    case 248: {
      // ClientFence: u8 type, 3 pad, u32 flags, u8 length, payload
      const length = bytes[8]
      if (length === undefined) return undefined
      if (length > MAX_FENCE_PAYLOAD) fail(`ClientFence carries ${length} bytes (at most 64)`)
      return 9 + length
    }
    case 250: // XVP: type, pad, version, op
      return 4
    case 251: {
      // SetDesktopSize: type, pad, u16 width, u16 height, u8 screens, pad, 16 bytes per screen
      const screens = bytes[6]
      if (screens === undefined) return undefined
      return 8 + 16 * screens
    }
    case 255:
      return measureQemuMessage(bytes)
    default:
      return fail(`the browser sent an unknown RFB message type ${type}`)
  }
}

/** QEMU client messages (type 255), as QEMU's ui/vnc.c reads them. */
function measureQemuMessage(bytes: Uint8Array): number | undefined {
  const subtype = bytes[1]
  if (subtype === undefined) return undefined
  if (subtype === 0) return 12 // extended key event: u16 down, u32 keysym, u32 keycode
  if (subtype !== 1) fail(`the browser sent an unknown QEMU message subtype ${subtype}`)
  // Audio: u16 operation; 0 enable and 1 disable are 4 bytes, 2 set-format adds u8 format,
  // u8 channels and u32 frequency.
  if (bytes.length < 4) return undefined
  const operation = ((bytes[2] ?? 0) << 8) | (bytes[3] ?? 0)
  if (operation === 0 || operation === 1) return 4
  if (operation === 2) return 10
  return fail(`the browser sent an unknown QEMU audio operation ${operation}`)
}
