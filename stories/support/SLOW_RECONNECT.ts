import type { ReconnectPolicy } from '../../src/index.js'

/** A first retry a minute away, so a dropped session's countdown stays on screen. */
export const SLOW_RECONNECT: ReconnectPolicy = {
  baseDelayMs: 60_000,
  maxDelayMs: 60_000,
  maxAttempts: 3,
  jitter: 0,
}
