import { createUnitSplitter } from './createUnitSplitter.js'
import { describeClientMessage } from './describeClientMessage.js'
import { joinBytes } from './joinBytes.js'
import { measureClientMessage } from './measureClientMessage.js'
import { parseProtocolVersion } from './parseProtocolVersion.js'
import { RfbProtocolError, type RfbProtocolSide } from './RfbProtocolError.js'

export interface RfbFilterOptions {
  /**
   * Drop every input message before it reaches the VM: KeyEvent, PointerEvent, ClientCutText, the
   * QEMU extended key event, XVP (power) and SetDesktopSize. An observer must not resize the VM's
   * screen either: that changes what every other viewer sees, and some servers resize the guest.
   */
  observe: boolean
  /** false (the default everywhere): ClientInit's shared flag is forced to 1. */
  exclusive: boolean
  /**
   * The largest single client message held while it arrives, in bytes (default 1 MiB, QEMU's own
   * limit for a paste): a ClientCutText cannot claim 2 GiB of gateway memory.
   */
  maxMessageBytes?: number
}

export type RfbClientMessageKind =
  | 'setPixelFormat'
  | 'setEncodings'
  | 'updateRequest'
  | 'key'
  | 'pointer'
  | 'clipboard'
  | 'qemuKey'
  /** Other QEMU client messages (audio enable, disable, set format). */
  | 'qemu'
  | 'xvp'
  | 'fence'
  | 'continuousUpdates'
  | 'setDesktopSize'

export interface RfbClientMessage {
  kind: RfbClientMessageKind
  /**
   * The whole message, as received (for recordings). A view of the data passed to `fromClient`
   * when the message arrived whole in it: copy it to keep it past that buffer's reuse.
   */
  bytes: Uint8Array
  /** Dropped by observe mode (never reached the server). */
  dropped: boolean
  /** key, qemuKey */
  keysym?: number
  /** key, qemuKey */
  down?: boolean
  /** clipboard: its length in bytes (the text itself never leaves the filter except inside `bytes`). */
  clipboardLength?: number
  /** clipboard: noVNC's extended clipboard (caps, notify, request, or deflated text). */
  clipboardExtended?: boolean
}

export interface RfbFilter {
  /**
   * One websocket message from the browser (any split of the stream: a message may hold several
   * RFB messages or part of one). Returns the bytes to send upstream as one message (empty: send
   * nothing) and the post-handshake messages it completed. Handshake bytes (version, security
   * choice, auth response, ClientInit) are forwarded but never reported in `messages`.
   * Throws `RfbProtocolError` on anything it cannot parse: the caller cuts the client off.
   */
  fromClient(data: Uint8Array): { forward: Uint8Array; messages: RfbClientMessage[] }
  /**
   * One websocket message from the server, watched for the handshake (version, security types,
   * security result). Returns the bytes to send on; may rewrite the offered security types to
   * those the filter can follow (None and VNC Authentication), since it cannot parse a stream
   * inside TLS (VeNCrypt). Throws RfbProtocolError if nothing it can follow is offered.
   */
  fromServer(data: Uint8Array): Uint8Array
}

const DEFAULT_MAX_MESSAGE_BYTES = 1024 * 1024
/** Security failure reasons past this are not a reason but an attack on the gateway's memory. */
const MAX_REASON_BYTES = 64 * 1024
const SECURITY_NONE = 1
const SECURITY_VNC_AUTH = 2
/** Types the filter can see through: neither encrypts what follows. */
const FOLLOWABLE = [SECURITY_NONE, SECURITY_VNC_AUTH]
const EXTENDED_MOUSE_BUTTONS = -316
const INPUT_KINDS: ReadonlySet<RfbClientMessageKind> = new Set([
  'key',
  'pointer',
  'clipboard',
  'qemuKey',
  'xvp',
  'setDesktopSize',
])
const SHARED = Uint8Array.of(1)

// What each side sends next. The handshake alternates (RFC 6143 §7.1–7.3): a step waiting on the
// other side ('wait…') refuses bytes, since a conforming peer sends nothing until it has its answer.
type ClientStep = 'version' | 'waitServer' | 'choice' | 'authResponse' | 'clientInit' | 'messages'
type ServerStep =
  | 'version'
  | 'waitClient'
  | 'securityType' // 3.3: the server picks (u32)
  | 'securityTypes' // 3.7, 3.8: u8 count, then the types
  | 'challenge'
  | 'securityResult'
  | 'reason'
  | 'relay'
type Ended = 'ended'

function u32(bytes: Uint8Array, offset = 0): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(offset)
}

/**
 * A pure, streaming filter of one RFB session as it crosses the gateway. It follows the handshake
 * both ways (3.3, 3.7, 3.8; security None or VNC Authentication), forces ClientInit's shared flag
 * (unless `exclusive`), then cuts the browser's stream into whole messages: each is reported, and
 * forwarded unless observe mode drops it as input. Only whole messages are ever forwarded, so what
 * reaches the server is the same for every split of the stream, and garbage never gets through.
 */
export function createRfbFilter(options: RfbFilterOptions): RfbFilter {
  const maxMessageBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES
  const clientUnits = createUnitSplitter('client', maxMessageBytes)
  const serverUnits = createUnitSplitter('server', Number.POSITIVE_INFINITY)
  let client: ClientStep | Ended = 'version'
  let server: ServerStep | Ended = 'version'
  let version: 3.3 | 3.7 | 3.8 = 3.8
  let offered: readonly number[] = []
  let extendedPointer = false
  let broken: RfbProtocolError | undefined

  const outOfTurn = (side: RfbProtocolSide): never => {
    const who = side === 'client' ? 'browser' : 'VNC server'
    throw new RfbProtocolError(side, `the ${who} sent bytes out of turn in the RFB handshake`)
  }

  const measureClient = (bytes: Uint8Array): number | undefined => {
    switch (client) {
      case 'version':
        return 12
      case 'choice':
      case 'clientInit':
        return 1
      case 'authResponse':
        return 16
      case 'messages':
        return measureClientMessage(bytes, extendedPointer)
      default:
        return outOfTurn('client')
    }
  }

  const measureServer = (bytes: Uint8Array): number | undefined => {
    switch (server) {
      case 'version':
        return 12
      case 'securityType':
      case 'securityResult':
        return 4
      case 'securityTypes': {
        const count = bytes[0]
        return count === undefined ? undefined : 1 + count
      }
      case 'challenge':
        return 16
      case 'reason': {
        if (bytes.length < 4) return undefined
        const length = u32(bytes)
        if (length > MAX_REASON_BYTES) {
          throw new RfbProtocolError(
            'server',
            `the VNC server sent a ${length}-byte failure reason`,
          )
        }
        return 4 + length
      }
      case 'relay':
        return bytes.length
      default:
        return outOfTurn('server')
    }
  }

  /** Moves both sides on once the security type is known (the client's choice, or 3.3's server's). */
  const securityChosen = (type: number): void => {
    if (type === SECURITY_VNC_AUTH) {
      client = 'waitServer'
      server = 'challenge'
    } else {
      client = 'clientInit'
      // None: only 3.8 sends a SecurityResult (RFC 6143 §7.1.3); 3.3 and 3.7 go on to ClientInit.
      server = version === 3.8 ? 'securityResult' : 'relay'
    }
  }

  const onServerUnit = (unit: Uint8Array, forward: Uint8Array[]): void => {
    switch (server) {
      case 'version':
        parseProtocolVersion(unit, 'server')
        server = 'waitClient'
        break
      case 'securityType': {
        const type = u32(unit)
        if (type === 0) {
          server = 'reason'
          client = 'ended'
        } else if (FOLLOWABLE.includes(type)) {
          offered = [type]
          securityChosen(type)
        } else {
          throw new RfbProtocolError(
            'server',
            `the VNC server uses security type ${type}, which the gateway cannot follow (only None and VNC Authentication)`,
          )
        }
        break
      }
      case 'securityTypes': {
        const types = [...unit.subarray(1)]
        if (types.length === 0) {
          server = 'reason'
          client = 'ended'
          break
        }
        offered = types.filter((type) => FOLLOWABLE.includes(type))
        if (offered.length === 0) {
          throw new RfbProtocolError(
            'server',
            `the VNC server offers only security types ${types.join(', ')}, which the gateway cannot follow (only None and VNC Authentication; not TLS or VeNCrypt)`,
          )
        }
        server = 'waitClient'
        client = 'choice'
        forward.push(
          offered.length === types.length ? unit : Uint8Array.of(offered.length, ...offered),
        )
        return
      }
      case 'challenge':
        server = 'securityResult'
        client = 'authResponse'
        break
      case 'securityResult':
        if (u32(unit) === 0) {
          server = 'relay'
        } else {
          // Failed: 3.8 adds a reason string; the client sends nothing more.
          server = version === 3.8 ? 'reason' : 'ended'
          client = 'ended'
        }
        break
      case 'reason':
        server = 'ended'
        break
      default:
        break
    }
    forward.push(unit)
  }

  const onClientUnit = (
    unit: Uint8Array,
    forward: Uint8Array[],
    messages: RfbClientMessage[],
  ): void => {
    switch (client) {
      case 'version':
        if (server !== 'waitClient') outOfTurn('client')
        version = parseProtocolVersion(unit, 'client')
        client = 'waitServer'
        server = version === 3.3 ? 'securityType' : 'securityTypes'
        break
      case 'choice': {
        const type = unit[0] ?? 0
        if (!offered.includes(type)) {
          throw new RfbProtocolError(
            'client',
            `the browser chose security type ${type}, not offered`,
          )
        }
        securityChosen(type)
        break
      }
      case 'authResponse':
        client = 'clientInit'
        break
      case 'clientInit':
        if (server !== 'relay') outOfTurn('client')
        client = 'messages'
        forward.push(options.exclusive ? unit : SHARED)
        return
      default: {
        const message: RfbClientMessage = {
          ...describeClientMessage(unit),
          bytes: unit,
          dropped: false,
        }
        if (message.kind === 'setEncodings')
          extendedPointer = announces(unit, EXTENDED_MOUSE_BUTTONS)
        if (options.observe && INPUT_KINDS.has(message.kind)) message.dropped = true
        messages.push(message)
        if (message.dropped) return
      }
    }
    forward.push(unit)
  }

  /** Runs a step; after any RfbProtocolError the filter stays broken (the session is cut). */
  const guarded = <T>(step: () => T): T => {
    if (broken) throw broken
    try {
      return step()
    } catch (error) {
      broken =
        error instanceof RfbProtocolError
          ? error
          : new RfbProtocolError('client', 'the RFB filter failed')
      throw error
    }
  }

  return {
    fromClient(data) {
      return guarded(() => {
        const forward: Uint8Array[] = []
        const messages: RfbClientMessage[] = []
        clientUnits.push(data, measureClient, (unit) => onClientUnit(unit, forward, messages))
        return { forward: joinBytes(forward), messages }
      })
    },
    fromServer(data) {
      return guarded(() => {
        if (server === 'relay') return data
        const forward: Uint8Array[] = []
        serverUnits.push(data, measureServer, (unit) => onServerUnit(unit, forward))
        return joinBytes(forward)
      })
    },
  }
}

/** Whether a SetEncodings message lists `encoding`. */
function announces(setEncodings: Uint8Array, encoding: number): boolean {
  const view = new DataView(setEncodings.buffer, setEncodings.byteOffset, setEncodings.byteLength)
  for (let offset = 4; offset + 4 <= setEncodings.byteLength; offset += 4) {
    if (view.getInt32(offset) === encoding) return true
  }
  return false
}
