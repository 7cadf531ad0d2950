// Shapes of the session registry: a live console session and the registry over the store.
// (Types only, so they live together; every runtime export has its own file.)
import type { ConsoleTarget } from '../types.js'

/** One open console relay, as every replica sees it through the store. */
export interface LiveSession {
  /** Random per relay (never derived from the ticket). */
  sessionId: string
  /** The gateway's user key: `user:{authorize's user}` or `address:{client address}`. */
  user: string
  provider: ConsoleTarget['provider']
  /** The VM's id (`serverId` for ECS). */
  vmId: string
  mode: 'control' | 'observe'
  /** The replica that relays it (and renews its lease). */
  replica: string
  /** ISO time the relay started. */
  startedAt: string
  /** The client's address, when the handler knew it (for the audit event; never in presence). */
  address?: string
}

/** This replica's open sessions, kept in the store on a lease its heartbeat renews. */
export interface SessionRegistry {
  /** The relay started: its session is listed from now until `end()` (or its lease lapses). */
  open(session: LiveSession): { end(): void }
  /** The live sessions on a VM, on every replica. */
  list(provider: LiveSession['provider'], vmId: string): Promise<LiveSession[]>
  /** close(): no more renewals or sweeps (sessions still open end with their relays). */
  stop(): void
}
