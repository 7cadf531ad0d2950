import { redactForLog } from '../redactForLog.js'
import type { GatewayLog } from '../gateway/types.js'
import type { AuditEvent, AuditEventInput } from './AuditEvent.js'

/**
 * `ctx.audit`: stamps each event with its time and replica and hands it to the portal's `audit`.
 * It never throws and never waits: a sink that throws or rejects is logged (redacted) and the
 * event is lost, never the console. Without `audit` it does nothing.
 */
export function createAuditTrail(
  audit: ((event: AuditEvent) => void | Promise<void>) | undefined,
  replica: string,
  log: GatewayLog,
  secrets: () => readonly (string | undefined)[],
): (event: AuditEventInput) => void {
  if (!audit) return () => {}
  const failed = (type: string, error: unknown) =>
    log('error', 'The audit sink failed; an audit event was lost.', { type, error })
  return (input) => {
    // Belt and braces: the events carry no secret by construction; redact what a message might.
    const event = redactForLog(
      { time: new Date().toISOString(), replica, ...input } as AuditEvent,
      secrets(),
    )
    try {
      const done = audit(event)
      if (done && typeof done.then === 'function') {
        done.then(undefined, (error: unknown) => failed(event.type, error))
      }
    } catch (error) {
      failed(event.type, error)
    }
  }
}
