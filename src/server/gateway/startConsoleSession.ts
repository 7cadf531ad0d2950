import type { RawData, WebSocket } from 'ws'
import type { AuditSession, SessionEndEvent } from '../audit/AuditEvent.js'
import { auditTarget } from '../audit/auditTarget.js'
import { auditUser } from '../audit/auditUser.js'
import { relayWebSockets, type EndReason, type Relay } from '../relayWebSockets.js'
import type { RelaySlot } from './createRelaySlot.js'
import type { GatewayContext, TicketRecord } from './types.js'

/** What a console session starts from: the attached browser and the open console proxy link. */
export interface ConsoleSessionStart {
  record: TicketRecord
  address: string | undefined
  browser: WebSocket
  link: WebSocket
  /** What the console proxy sent before the browser was attached, in order. */
  early: readonly { data: RawData; isBinary: boolean }[]
  slot: RelaySlot
}

const closedBy = (reason: EndReason): SessionEndEvent['closedBy'] =>
  reason === 'browser' ? 'browser' : reason === 'upstream' ? 'console' : 'gateway'

/**
 * The one place a console session starts (the browser is attached to the console proxy) and,
 * in `onEnd`, the one place it ends: both sockets closed, its slot given back. Each is audited
 * once (`session.start`, `session.end` with its bytes, duration and who closed it).
 */
export function startConsoleSession(ctx: GatewayContext, start: ConsoleSessionStart): Relay {
  const { stats, limits, log } = ctx
  const { record, browser, link, slot, address } = start
  const session: AuditSession = {
    sessionId: record.sessionId,
    user: auditUser(record.user),
    ...auditTarget(record.target),
    ...(address !== undefined && { address }),
    mode: record.mode,
  }
  const startedAt = Date.now()
  let bytesToBrowser = 0
  let bytesToConsole = 0
  stats.totalRelays++
  // The session starts here.
  ctx.audit({ type: 'session.start', ...session })
  const live = ctx.sessions.open({
    ...session,
    user: record.user,
    replica: ctx.replica,
    startedAt: new Date(startedAt).toISOString(),
  })
  const relay: Relay = relayWebSockets(browser, link, {
    highWaterMark: limits.highWaterMark,
    idleTimeoutMs: limits.idleTimeoutMs,
    heartbeatMs: limits.heartbeatMs,
    early: start.early,
    onBytes: (direction, bytes) => {
      if (direction === 'toUpstream') {
        stats.bytesToUpstream += bytes
        bytesToConsole += bytes
      } else {
        stats.bytesToBrowser += bytes
        bytesToBrowser += bytes
      }
    },
    onEnd: (reason, closeCode) => {
      // The session ends here.
      ctx.relays.delete(relay)
      slot.end()
      live.end()
      log('info', `Console relay ended (${reason}).`, { user: record.user })
      ctx.audit({
        type: 'session.end',
        ...session,
        durationMs: Date.now() - startedAt,
        bytesToBrowser,
        bytesToConsole,
        closeCode,
        closedBy: closedBy(reason),
        reason,
      })
    },
  })
  slot.attach(relay)
  ctx.relays.add(relay)
  return relay
}
