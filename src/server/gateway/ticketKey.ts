import { createHash } from 'node:crypto'

/** The store sees a ticket's hash only: reading the store does not give anyone a ticket to redeem. */
export function ticketKey(ticket: string): string {
  return createHash('sha256').update(ticket).digest('base64url')
}
