import type { Duplex } from 'node:stream'
import type { WebSocket } from 'ws'
import type { Relay } from '../relayWebSockets.js'
import { slotGroup } from './slotGroup.js'
import type { GatewayContext } from './types.js'

/** One redeemed ticket's place: on this replica (`maxRelays`) and in its user's slots. */
export interface RelaySlot {
  /** The slot went back (a failure, the browser leaving before the relay, close(), or the end). */
  readonly released: boolean
  /** The ticket's slot becomes the relay's, on a lease this replica renews. */
  lease(): Promise<boolean>
  /** The console proxy link under way: abandoning ends it. */
  link(upstream: WebSocket): void
  /** The relay runs: from now on only `end` gives the slot back. */
  attach(relay: Relay): void
  /** Gives up before the relay exists: stops watching, ends the link, gives the slot back. */
  abandon(): void
  /** The relay ended: gives the slot back. */
  end(): void
}

/**
 * Counts the relay from now on, so parallel upgrades cannot overshoot the limits, and holds the
 * user's slot. Until the relay exists, `abandon` gives both back and ends the upstream link on
 * every way out: a failure, the browser leaving (also when ws refuses the handshake without
 * calling back), or close() (which also destroys the socket).
 */
export function createRelaySlot(
  ctx: GatewayContext,
  record: { user: string; slot: string },
  socket: Duplex,
  stopWatching: () => void,
): RelaySlot {
  const { stats, slots, limits } = ctx
  const group = slotGroup(record.user)
  stats.activeRelays++
  slots.hold(group, record.slot)
  let released = false
  let upstream: WebSocket | undefined
  let relay: Relay | undefined
  const release = () => {
    if (released) return
    released = true
    stats.activeRelays--
    slots.release(group, record.slot)
  }
  const abandon = () => {
    if (relay) return
    ctx.upgrading.delete(abort)
    stopWatching()
    upstream?.terminate()
    release()
  }
  const abort = () => {
    abandon()
    socket.destroy()
  }
  ctx.upgrading.add(abort)
  return {
    get released() {
      return released
    },
    lease: () => slots.lease(group, record.slot, limits.maxRelaysPerUser),
    link(socket) {
      upstream = socket
    },
    attach(started) {
      relay = started
      ctx.upgrading.delete(abort)
    },
    abandon,
    end: release,
  }
}
