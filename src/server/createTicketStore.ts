import { randomBytes } from 'node:crypto'

export interface TicketStore<T> {
  /** A new ticket for `value`: 256 random bits, base64url. */
  issue(value: T): string
  /** The value, once: a second redeem, or one after the lifetime, gets undefined. */
  redeem(ticket: string): T | undefined
  /** Unredeemed, unexpired tickets. */
  readonly size: number
  /** Values of the unredeemed tickets (to count them per user). */
  values(): IterableIterator<T>
  clear(): void
}

/**
 * Single-use, short-lived tickets held in memory. Each ticket's timer removes it when it expires
 * (unref'd: tickets never keep a process alive). `onExpire` hears of tickets nobody redeemed.
 */
export function createTicketStore<T>(ttlMs: number, onExpire?: (value: T) => void): TicketStore<T> {
  const tickets = new Map<string, { value: T; timer: NodeJS.Timeout }>()
  return {
    issue(value) {
      const ticket = randomBytes(32).toString('base64url')
      const timer = setTimeout(() => {
        tickets.delete(ticket)
        onExpire?.(value)
      }, ttlMs)
      timer.unref()
      tickets.set(ticket, { value, timer })
      return ticket
    },
    redeem(ticket) {
      const entry = tickets.get(ticket)
      if (!entry) return undefined
      tickets.delete(ticket)
      clearTimeout(entry.timer)
      return entry.value
    },
    get size() {
      return tickets.size
    },
    *values() {
      for (const entry of tickets.values()) yield entry.value
    },
    clear() {
      for (const entry of tickets.values()) clearTimeout(entry.timer)
      tickets.clear()
    },
  }
}
