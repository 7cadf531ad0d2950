import type { ConsoleGatewayStats } from '../types.js'
import type { ReplicaRoom } from './types.js'

/** This replica's room for consoles (maxRelays), counting open relays, requests and unredeemed tickets. */
export function createReplicaRoom(stats: ConsoleGatewayStats, maxRelays: number): ReplicaRoom {
  let reservedHere = 0
  const pendingHere = new Map<string, NodeJS.Timeout>()
  const settle = (key: string) => {
    const timer = pendingHere.get(key)
    if (!timer) return
    clearTimeout(timer)
    pendingHere.delete(key)
    reservedHere--
    stats.pendingTickets = pendingHere.size
  }
  return {
    hasRoom: () => stats.activeRelays + reservedHere < maxRelays,
    reserve() {
      reservedHere++
    },
    unreserve() {
      // A request still in flight when close() cleared the room gives back nothing.
      reservedHere = Math.max(0, reservedHere - 1)
    },
    keepForTicket(key, ttlMs) {
      const expire = setTimeout(() => settle(key), ttlMs)
      expire.unref()
      pendingHere.set(key, expire)
      stats.pendingTickets = pendingHere.size
    },
    settle,
    clear() {
      for (const timer of pendingHere.values()) clearTimeout(timer)
      pendingHere.clear()
      reservedHere = 0
      stats.pendingTickets = 0
    },
  }
}
