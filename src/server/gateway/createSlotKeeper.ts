import type { GatewayStore } from '../store/GatewayStore.js'
import type { GatewayLog, SlotKeeper } from './types.js'

// A relay's slot lease; its replica renews it every third of that. A replica that dies frees its
// users' slots within this time.
const RELAY_LEASE_MS = 60_000
// After a failed renewal (the store is down), try again this soon: when Redis comes back empty,
// the open relays count toward their users' limits again within about this long.
const RETRY_MS = 1_000

/**
 * The users' console slots this replica's relays hold, renewed by a heartbeat while they live.
 * The renewal also takes back a slot the store lost (Redis restarted without its data): the relay
 * is open, so it counts. `renewEveryMs` is for tests.
 */
export function createSlotKeeper(
  store: GatewayStore,
  log: GatewayLog,
  renewEveryMs = RELAY_LEASE_MS / 3,
): SlotKeeper {
  const heldSlots = new Map<string, { group: string; slot: string }>()
  let failing = false
  let stopped = false
  let timer: ReturnType<typeof setTimeout> | undefined
  const schedule = (ms: number) => {
    if (stopped) return
    timer = setTimeout(beat, ms)
    timer.unref()
  }
  const beat = () => {
    if (heldSlots.size === 0) return schedule(renewEveryMs)
    // The store call is bounded (withStoreDeadline) and its failure handled here: a heartbeat
    // never throws, and never overlaps the previous one.
    const held = [...heldSlots.values()]
    Promise.resolve()
      .then(() => store.renewSlots(held, RELAY_LEASE_MS))
      .then(
        () => {
          if (failing) log('info', 'Renewing console slots works again.')
          failing = false
          schedule(renewEveryMs)
        },
        (error: unknown) => {
          if (!failing)
            log('error', 'Renewing console slots failed; retrying every second.', { error })
          failing = true
          schedule(RETRY_MS)
        },
      )
  }
  schedule(renewEveryMs)
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
      stopped = true
      clearTimeout(timer)
    },
    async releaseAll() {
      await Promise.allSettled(
        [...heldSlots.values()].map(({ group, slot }) => store.releaseSlot(group, slot)),
      )
      heldSlots.clear()
    },
  }
}
