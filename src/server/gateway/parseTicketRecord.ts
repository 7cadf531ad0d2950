import { randomUUID } from 'node:crypto'
import type { TicketRecord } from './types.js'

/**
 * A ticket's record from the store, or undefined when it is not one of ours. A record from a
 * replica that predates sessions (a rolling upgrade) gets a session id, control, shared.
 */
export function parseTicketRecord(raw: string): TicketRecord | undefined {
  try {
    const record = JSON.parse(raw) as Partial<TicketRecord>
    if (
      typeof record.url === 'string' &&
      typeof record.origin === 'string' &&
      typeof record.user === 'string' &&
      typeof record.slot === 'string' &&
      (record.target?.provider === 'cloudtower' || record.target?.provider === 'ecs') &&
      (record.mode === undefined || record.mode === 'control' || record.mode === 'observe')
    )
      return {
        ...(record as TicketRecord),
        sessionId: typeof record.sessionId === 'string' ? record.sessionId : randomUUID(),
        mode: record.mode ?? 'control',
        exclusive: record.exclusive === true,
      }
  } catch {
    // Not JSON: not ours.
  }
  return undefined
}
