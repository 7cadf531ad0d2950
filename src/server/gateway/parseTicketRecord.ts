import type { TicketRecord } from './types.js'

/** A ticket's record from the store, or undefined when it is not one of ours. */
export function parseTicketRecord(raw: string): TicketRecord | undefined {
  try {
    const record = JSON.parse(raw) as Partial<TicketRecord>
    if (
      typeof record.url === 'string' &&
      typeof record.origin === 'string' &&
      typeof record.user === 'string' &&
      typeof record.slot === 'string' &&
      (record.target?.provider === 'cloudtower' || record.target?.provider === 'ecs')
    )
      return record as TicketRecord
  } catch {
    // Not JSON: not ours.
  }
  return undefined
}
