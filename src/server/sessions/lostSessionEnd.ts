import type { SessionEndEvent } from '../audit/AuditEvent.js'
import { auditUser } from '../audit/auditUser.js'
import type { LiveSession } from './types.js'

/**
 * The `session.end` audit event for a session whose replica died with it open, as the replica
 * that claimed it reports it: `closedBy: 'unknown'`, no close code, and no byte counts (0: only
 * the dead replica knew them). The duration runs until the claim, so it may be longer than the
 * session by up to a lease and a sweep.
 */
export function lostSessionEnd(
  session: LiveSession,
  now: number,
): Omit<SessionEndEvent, 'time' | 'replica'> {
  const started = Date.parse(session.startedAt)
  return {
    type: 'session.end',
    sessionId: session.sessionId,
    user: auditUser(session.user),
    provider: session.provider,
    vmId: session.vmId,
    ...(session.address !== undefined && { address: session.address }),
    mode: session.mode,
    durationMs: Number.isNaN(started) ? 0 : Math.max(0, now - started),
    bytesToBrowser: 0,
    bytesToConsole: 0,
    closeCode: null,
    closedBy: 'unknown',
    reason: `replica ${session.replica} lost`,
  }
}
