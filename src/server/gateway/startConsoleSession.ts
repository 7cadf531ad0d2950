import type { RawData, WebSocket } from 'ws'
import type { AuditSession, SessionEndEvent } from '../audit/AuditEvent.js'
import { auditTarget } from '../audit/auditTarget.js'
import { auditUser } from '../audit/auditUser.js'
import { createSessionRecorder } from '../recording/createSessionRecorder.js'
import type { RecordOptions } from '../recording/RecordOptions.js'
import type { SessionRecorder } from '../recording/SessionRecorder.js'
import { relayWebSockets, type EndReason, type Relay } from '../relayWebSockets.js'
import type { RfbClientMessage } from '../rfb/createRfbFilter.js'
import type { RelaySlot } from './createRelaySlot.js'
import { createSessionHooks } from './createSessionHooks.js'
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
  const { record: recording } = ctx.options
  const recorder = recording && startRecorder(recording, ctx.replica, session, startedAt)
  const hooks = createSessionHooks(
    ctx,
    record,
    session,
    recorder && {
      onServer: (data) => recorder.fromServer(data),
      onClient: (message) => {
        if (recorded(message, ctx.options.auditKeys === true)) recorder.fromClient(message)
      },
    },
  )
  const relay: Relay = relayWebSockets(browser, link, {
    hooks,
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
      const ended = {
        type: 'session.end',
        ...session,
        durationMs: Date.now() - startedAt,
        bytesToBrowser,
        bytesToConsole,
        closeCode,
        closedBy: closedBy(reason),
        reason,
        ...(hooks.protocolError !== undefined && { protocolError: hooks.protocolError }),
      } as const
      if (!recorder) return ctx.audit(ended)
      // With a recording, session.end waits for its outcome (finish never rejects, and gives up
      // on a sink that hangs).
      void recorder.finish().then((recording) => ctx.audit({ ...ended, recording }))
    },
  })
  slot.attach(relay)
  ctx.relays.add(relay)
  return relay
}

/** The session's recorder, its header naming only the session (no token, ticket or password). */
function startRecorder(
  options: RecordOptions,
  replica: string,
  session: AuditSession,
  startedAt: number,
): SessionRecorder {
  return createSessionRecorder(options, {
    sessionId: session.sessionId,
    user: session.user,
    provider: session.provider,
    vmId: session.vmId,
    replica,
    mode: session.mode,
    startedAt: new Date(startedAt).toISOString(),
  })
}

/**
 * Which browser messages a recording keeps: those that reached the VM, without keys and
 * clipboard text unless `auditKeys` (a recording must not become a keylogger by default).
 */
function recorded(message: RfbClientMessage, auditKeys: boolean): boolean {
  if (message.dropped) return false
  const sensitive =
    message.kind === 'key' || message.kind === 'qemuKey' || message.kind === 'clipboard'
  return auditKeys || !sensitive
}
