/**
 * What a recording says about its session (its header). Only these fields are written: never a
 * token, ticket or password.
 */
export interface RecordedSession {
  /** Random, not derived from the ticket. */
  sessionId: string
  user: string
  provider: 'cloudtower' | 'ecs'
  vmId: string
  replica: string
  mode: 'control' | 'observe'
  /** ISO 8601. */
  startedAt: string
}
