import { createRateLimiter } from '../store/createRateLimiter.js'
import type { ConsoleGatewayStats } from '../types.js'
import type { GatewayFail, RefusalCounter } from './types.js'

/** Refused requests per client address (per replica: it guards this process's sockets). */
export function createRefusalCounter(
  perMinute: number,
  stats: ConsoleGatewayStats,
  fail: GatewayFail,
): RefusalCounter {
  const refusalsByAddress = createRateLimiter(perMinute)
  return {
    refused(address, reply) {
      stats.refusals++
      if (address) refusalsByAddress.take(address)
      return reply
    },
    tooManyRefusals(address) {
      const waitMs = address ? refusalsByAddress.retryAfterMs(address) : 0
      if (waitMs <= 0) return null
      return fail('rate_limited', 'Too many refused requests from this address. Try again later.', {
        'retry-after': String(Math.ceil(waitMs / 1000)),
      })
    },
  }
}
