import type { ConsoleTarget, GatewayPresence } from '../types.js'
import { presenceViewers } from './presenceViewers.js'
import { slotGroup } from './slotGroup.js'
import type { GatewayContext, Reply } from './types.js'

/**
 * `POST {path}/presence`: the other users with a console open on this VM, on any replica. The
 * browser polls it every second per open console, so it has its own per-user window and does
 * not count against the console requests (neither the user's nor all users').
 */
export async function answerPresence(
  ctx: GatewayContext,
  target: ConsoleTarget,
  user: string,
): Promise<Reply> {
  const mine = await ctx.store.hit(
    `presence:${slotGroup(user)}`,
    ctx.limits.presenceRequestsPerMinutePerUser,
    60_000,
  )
  if (!mine.allowed) {
    const seconds = Math.ceil(mine.retryAfterMs / 1000)
    return ctx.fail('rate_limited', `Too many presence requests. Try again in ${seconds} s.`, {
      'retry-after': String(seconds),
    })
  }
  const id = target.provider === 'cloudtower' ? target.vmId : target.serverId
  const sessions = await ctx.sessions.list(target.provider, id)
  const body: GatewayPresence = { viewers: presenceViewers(sessions, user) }
  return { status: 200, body }
}
