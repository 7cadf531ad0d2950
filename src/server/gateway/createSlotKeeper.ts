import type { GatewayStore } from '../store/GatewayStore.js'
import type { GatewayLog, SlotKeeper } from './types.js'

// A relay's slot lease; its replica renews it every third of that. A replica that dies frees its
// users' slots within this time.
const RELAY_LEASE_MS = 60_000

/** The users' console slots this replica's relays hold, renewed by a heartbeat while they live. */
export function createSlotKeeper(store: GatewayStore, log: GatewayLog): SlotKeeper {
  const heldSlots = new Map<string, { group: string; slot: string }>()
  const heartbeat = setInterval(() => {
    if (heldSlots.size === 0) return
    store.renewSlots([...heldSlots.values()], RELAY_LEASE_MS).catch((error: unknown) => {
      log('error', 'Renewing console slots failed.', { error })
    })
  }, RELAY_LEASE_MS / 3)
  heartbeat.unref()
  return {
    hold(group, slot) {
      heldSlots.set(slot, { group, slot })
    },
    lease: (group, slot, limit) => store.acquireSlot(group, slot, limit, RELAY_LEASE_MS),
    release(group, slot) {
      heldSlots.delete(slot)
      store.releaseSlot(group, slot).catch((error: unknown) => {
        log('warn', 'Giving a console slot back failed; its lease will end it.', { error })
      })
    },
    stop() {
      clearInterval(heartbeat)
    },
    async releaseAll() {
      await Promise.allSettled(
        [...heldSlots.values()].map(({ group, slot }) => store.releaseSlot(group, slot)),
      )
      heldSlots.clear()
    },
  }
}
