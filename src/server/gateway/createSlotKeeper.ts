import type { GatewayStore } from '../store/GatewayStore.js'
import type { GatewayLog, SlotKeeper } from './types.js'

// A relay's slot lease; its replica renews it every third of that. A replica that dies frees its
// users' slots within this time.
const RELAY_LEASE_MS = 60_000
// After a failed renewal, or any store call that failed (renewSoon), renew this soon and then
// every this long until it works: when Redis comes back empty, the open relays count toward
// their users' limits again within about this long.
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
  let hurried = false
  let inFlight = false
  let stopped = false
  let timer: ReturnType<typeof setTimeout> | undefined
  const schedule = (ms: number) => {
    if (stopped) return
    timer = setTimeout(beat, ms)
    timer.unref()
  }
  const beat = () => {
    if (heldSlots.size === 0) {
      hurried = false
      return schedule(renewEveryMs)
    }
    // Never two at once, and never a throw: a store that throws, rejects or hangs (the gateway
    // bounds its calls) is logged once and tried again every second.
    inFlight = true
    const held = [...heldSlots.values()]
    Promise.resolve()
      .then(() => store.renewSlots(held, RELAY_LEASE_MS))
      .then(
        () => {
          if (failing) log('info', 'Renewing console slots works again.')
          inFlight = failing = hurried = false
          schedule(renewEveryMs)
        },
        (error: unknown) => {
          if (!failing) {
            log('error', 'Renewing console slots failed; retrying every second.', { error })
          }
          inFlight = false
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
    renewSoon() {
      if (stopped || inFlight || failing || hurried) return
      hurried = true
      clearTimeout(timer)
      schedule(RETRY_MS)
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
