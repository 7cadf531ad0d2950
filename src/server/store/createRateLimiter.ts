export interface RateLimiter {
  /** Counts one event for `key`; false (and nothing counted) when the window is full. */
  take(key: string, now?: number): boolean
  /** Ms until `key` may take again (0 when it may now). */
  retryAfterMs(key: string, now?: number): number
  /** Keys it holds windows for. */
  readonly size: number
}

// Keys are client addresses, which an attacker can vary freely (an IPv6 /64): past this many,
// every key whose window has emptied is dropped.
const SWEEP_ABOVE = 10_000

/** A sliding-window limit: at most `limit` events per `windowMs` for each key. */
export function createRateLimiter(limit: number, windowMs = 60_000): RateLimiter {
  const events = new Map<string, number[]>()
  const recent = (key: string, now: number) => {
    const list = events.get(key)
    if (!list) return []
    while (list.length > 0 && (list[0] ?? 0) <= now - windowMs) list.shift()
    if (list.length === 0) events.delete(key)
    return list
  }
  return {
    take(key, now = Date.now()) {
      if (events.size > SWEEP_ABOVE) for (const other of [...events.keys()]) recent(other, now)
      const list = recent(key, now)
      if (list.length >= limit) return false
      if (list.length === 0) events.set(key, list)
      list.push(now)
      return true
    },
    retryAfterMs(key, now = Date.now()) {
      const list = recent(key, now)
      if (list.length < limit) return 0
      return Math.max(0, (list[0] ?? now) + windowMs - now)
    },
    get size() {
      return events.size
    },
  }
}
