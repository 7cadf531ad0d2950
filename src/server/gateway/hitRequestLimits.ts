import type { GatewayContext, Reply } from './types.js'

/**
 * Counts a request against all users' window (`requestsPerMinute`) and the user's own window
 * (`key`, at most `perUser` a minute): null when both allow it, else the 429 to answer.
 */
export async function hitRequestLimits(
  ctx: GatewayContext,
  key: string,
  perUser: number,
): Promise<Reply | null> {
  const overall = await ctx.store.hit('requests:*', ctx.limits.requestsPerMinute, 60_000)
  if (!overall.allowed) {
    return ctx.fail('rate_limited', 'The console gateway is busy. Try again in a moment.', {
      'retry-after': String(Math.ceil(overall.retryAfterMs / 1000)),
    })
  }
  const mine = await ctx.store.hit(key, perUser, 60_000)
  if (!mine.allowed) {
    const seconds = Math.ceil(mine.retryAfterMs / 1000)
    return ctx.fail('rate_limited', `Too many requests. Try again in ${seconds} s.`, {
      'retry-after': String(seconds),
    })
  }
  return null
}
