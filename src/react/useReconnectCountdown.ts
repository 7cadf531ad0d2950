import type { ConsoleStatus } from '../core/connection/types.js'
import { useCountdown } from './useCountdown.js'

/** Whole seconds until the automatic reconnect, ticking; undefined while none is pending. */
export function useReconnectCountdown(status: ConsoleStatus): number | undefined {
  return useCountdown(status.state === 'disconnected' ? status.nextRetryAt : undefined)
}
