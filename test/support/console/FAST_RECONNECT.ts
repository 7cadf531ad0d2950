import type { ReconnectPolicy } from '../../../src/core/connection/reconnectDelay.js'

/** Reconnects within tens of milliseconds and gives up after three attempts: tests stay quick. */
export const FAST_RECONNECT = {
  baseDelayMs: 30,
  maxDelayMs: 60,
  jitter: 0,
  maxAttempts: 3,
} as const satisfies ReconnectPolicy
