import type { AuditSession } from '../audit/AuditEvent.js'
import type { RelayCut, RelayHook } from '../relayWebSockets.js'
import { createRfbFilter, type RfbClientMessage } from '../rfb/createRfbFilter.js'
import { RfbProtocolError } from '../rfb/RfbProtocolError.js'
import type { GatewayContext, TicketRecord } from './types.js'

/** The close code a browser gets when it breaks the RFB protocol (garbage, a text frame). */
const RFB_PROTOCOL_CLOSE = 4400
/** …and when the console proxy does (or speaks a security type the gateway cannot follow). */
const CONSOLE_PROTOCOL_CLOSE = 1011

// Extended clipboard (noVNC, TigerVNC): a negative length, then flags; Provide carries the text.
const EXTENDED_PROVIDE = 1 << 28

/** The relay's hooks for one session, and why it was cut, once it was. */
export interface SessionHooks {
  toUpstream: RelayHook
  toBrowser: RelayHook
  /** The protocol error that cut the session (types and lengths only), if one did. */
  readonly protocolError: string | undefined
}

/**
 * Every message of a session through the RFB filter: the browser's (observe mode drops input,
 * ClientInit's shared flag is forced unless `exclusive`) and the console's (watched through the
 * handshake). A browser that sends bytes the filter cannot parse, or a text frame, is cut off
 * with 4400; it never reaches the console. Clipboard pastes (length only) and, with `auditKeys`,
 * keys are audited. `onClient` / `onServer` see what went through (the recorder).
 */
export function createSessionHooks(
  ctx: GatewayContext,
  record: TicketRecord,
  session: AuditSession,
  watchers: {
    onClient?(message: RfbClientMessage): void
    onServer?(data: Uint8Array): void
  } = {},
): SessionHooks {
  const filter = createRfbFilter({
    observe: record.mode === 'observe',
    exclusive: record.exclusive,
    maxMessageBytes: ctx.limits.maxBrowserMessageBytes,
  })
  const auditKeys = ctx.options.auditKeys === true
  let protocolError: string | undefined
  const cut = (code: number, why: string, reason: string): RelayCut => {
    protocolError = why
    ctx.log('warn', `Console session cut off: ${why}.`, {
      user: record.user,
      sessionId: record.sessionId,
    })
    return { code, reason }
  }
  const seen = (message: RfbClientMessage) => {
    if (message.kind === 'clipboard') {
      const extended = message.clipboardExtended === true
      if (!extended || isProvide(message.bytes)) {
        ctx.audit({
          type: 'clipboard',
          ...session,
          direction: 'toConsole',
          length: message.clipboardLength ?? 0,
          ...(extended && { extended }),
          dropped: message.dropped,
        })
      }
    } else if (auditKeys && (message.kind === 'key' || message.kind === 'qemuKey')) {
      ctx.audit({
        type: 'key',
        ...session,
        keysym: message.keysym ?? 0,
        down: message.down === true,
        dropped: message.dropped,
      })
    }
    watchers.onClient?.(message)
  }
  return {
    toUpstream(data, isBinary) {
      if (!isBinary) {
        return cut(RFB_PROTOCOL_CLOSE, 'the browser sent a text frame', 'RFB protocol error')
      }
      let result
      try {
        result = filter.fromClient(data)
      } catch (error) {
        return cut(RFB_PROTOCOL_CLOSE, describe(error), 'RFB protocol error')
      }
      for (const message of result.messages) seen(message)
      return result.forward
    },
    toBrowser(data, isBinary) {
      if (!isBinary) {
        return cut(
          CONSOLE_PROTOCOL_CLOSE,
          'the console sent a text frame',
          'console protocol error',
        )
      }
      let forward
      try {
        forward = filter.fromServer(data)
      } catch (error) {
        return cut(CONSOLE_PROTOCOL_CLOSE, describe(error), 'console protocol error')
      }
      if (forward.length > 0) watchers.onServer?.(forward)
      return forward
    },
    get protocolError() {
      return protocolError
    },
  }
}

// RfbProtocolError's words name types and lengths, never the bytes.
const describe = (error: unknown) =>
  error instanceof RfbProtocolError ? error.message : 'the RFB filter failed'

function isProvide(message: Uint8Array): boolean {
  if (message.length < 12) return false
  const flags = new DataView(message.buffer, message.byteOffset, message.byteLength).getUint32(8)
  return (flags & EXTENDED_PROVIDE) !== 0
}
