import type { LiveSession } from '../sessions/types.js'
import type { GatewayViewer } from '../types.js'

/**
 * The other users among a VM's sessions, one entry each (a user with two consoles open is one
 * viewer: in control if either is, since the earliest), oldest first. The asking user is left
 * out; a user known only by address is `anonymous`, so no client address reaches a browser.
 */
export function presenceViewers(sessions: readonly LiveSession[], asking: string): GatewayViewer[] {
  const byUser = new Map<string, GatewayViewer>()
  for (const session of sessions) {
    if (session.user === asking) continue
    const name = session.user.startsWith('user:') ? session.user.slice(5) : 'anonymous'
    const key = session.user.startsWith('user:') ? session.user : `anonymous:${session.user}`
    const seen = byUser.get(key)
    byUser.set(key, {
      user: name,
      mode: seen?.mode === 'control' || session.mode === 'control' ? 'control' : 'observe',
      since: seen && seen.since < session.startedAt ? seen.since : session.startedAt,
    })
  }
  return [...byUser.values()].sort(
    (a, b) => a.since.localeCompare(b.since) || a.user.localeCompare(b.user),
  )
}
