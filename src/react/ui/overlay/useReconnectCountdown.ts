import type { ConsoleStatus } from '../../../core/connection/types.js'
import { useCountdown } from '../primitives/useCountdown.js'

/**
 * Whole seconds until the automatic reconnect, ticking; undefined while none is pending. The
 * status reducer keeps `nextRetryAt` only while a retry waits, so it is read as it is.
 */
export function useReconnectCountdown(status: ConsoleStatus): number | undefined {
  return useCountdown(status.nextRetryAt)
}
