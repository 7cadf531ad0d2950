import { createRateLimiter, type RateLimiter } from './createRateLimiter.js'
import type { GatewayStore } from './GatewayStore.js'

/**
 * The default GatewayStore: one process's memory. Right for one gateway process; replicas behind
 * a load balancer need a shared store (`react-vm-console/server/redis`). Expired entries are
 * dropped when next touched and by an unref'd sweep, so the store never keeps a process alive.
 * `now` is injectable for tests.
 */
export function createMemoryGatewayStore(now: () => number = Date.now): GatewayStore {
  const tickets = new Map<string, { value: string; expires: number }>()
  // One sliding-window limiter per (limit, window) pair the gateway asks with.
  const limiters = new Map<string, RateLimiter>()
  const groups = new Map<string, Map<string, number>>()
  // Live sessions by id, and their ids by VM. A lapsed session stays until it is claimed.
  const sessions = new Map<string, { vm: string; value: string; expires: number }>()
  const byVm = new Map<string, Set<string>>()
  const dropSession = (id: string) => {
    const entry = sessions.get(id)
    if (!entry) return undefined
    sessions.delete(id)
    const ids = byVm.get(entry.vm)
    ids?.delete(id)
    if (ids?.size === 0) byVm.delete(entry.vm)
    return entry
  }

  const liveSlots = (group: string) => {
    const slots = groups.get(group)
    if (!slots) return undefined
    const t = now()
    for (const [slot, expires] of slots) if (expires <= t) slots.delete(slot)
    if (slots.size === 0) groups.delete(group)
    return slots.size === 0 ? undefined : slots
  }
  const sweep = setInterval(() => {
    const t = now()
    for (const [key, entry] of tickets) if (entry.expires <= t) tickets.delete(key)
    for (const group of [...groups.keys()]) liveSlots(group)
  }, 30_000)
  sweep.unref()

  return {
    async putTicket(key, value, ttlMs) {
      tickets.set(key, { value, expires: now() + ttlMs })
    },
    async takeTicket(key) {
      const entry = tickets.get(key)
      tickets.delete(key)
      return entry && entry.expires > now() ? entry.value : undefined
    },
    async hit(key, limit, windowMs) {
      const id = `${limit}/${windowMs}`
      let limiter = limiters.get(id)
      if (!limiter) limiters.set(id, (limiter = createRateLimiter(limit, windowMs)))
      const t = now()
      const allowed = limiter.take(key, t)
      return { allowed, retryAfterMs: allowed ? 0 : limiter.retryAfterMs(key, t) }
    },
    async acquireSlot(group, slot, limit, leaseMs) {
      const slots = liveSlots(group) ?? new Map<string, number>()
      if (!slots.has(slot) && slots.size >= limit) return false
      slots.set(slot, now() + leaseMs)
      groups.set(group, slots)
      return true
    },
    async renewSlots(held, leaseMs) {
      // A lapsed slot is taken again: its relay is still open (see GatewayStore).
      for (const { group, slot } of held) {
        const slots = liveSlots(group) ?? new Map<string, number>()
        slots.set(slot, now() + leaseMs)
        groups.set(group, slots)
      }
    },
    async releaseSlot(group, slot) {
      const slots = groups.get(group)
      slots?.delete(slot)
      if (slots?.size === 0) groups.delete(group)
    },
    async putSessions(list, leaseMs) {
      for (const { vm, session, value } of list) {
        sessions.set(session, { vm, value, expires: now() + leaseMs })
        const ids = byVm.get(vm) ?? new Set<string>()
        ids.add(session)
        byVm.set(vm, ids)
      }
    },
    async endSession(vm, session) {
      if (sessions.get(session)?.vm === vm) dropSession(session)
    },
    async listSessions(vm) {
      const t = now()
      const values: string[] = []
      for (const id of byVm.get(vm) ?? []) {
        const entry = sessions.get(id)
        if (entry?.vm === vm && entry.expires > t) values.push(entry.value)
      }
      return values
    },
    async claimLapsedSessions(max) {
      const t = now()
      const claimed: string[] = []
      for (const [id, entry] of sessions) {
        if (claimed.length >= max) break
        if (entry.expires <= t) claimed.push(dropSession(id)?.value ?? entry.value)
      }
      return claimed
    },
    async close() {
      clearInterval(sweep)
      sessions.clear()
      byVm.clear()
      tickets.clear()
      limiters.clear()
      groups.clear()
    },
  }
}
