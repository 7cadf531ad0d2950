/**
 * Where a console gateway keeps what all its replicas must share: tickets, request windows and
 * console slots. The default (`createMemoryGatewayStore`) serves one process; several replicas
 * behind a load balancer share one store (`createRedisGatewayStore` from
 * `react-vm-console/server/redis`), so a ticket issued by one replica can be redeemed on another
 * and the limits count every replica's consoles.
 *
 * The session methods (presence) are optional: a store written before them keeps working, with
 * presence limited to each replica's own sessions.
 *
 * Every method is atomic on its own: two replicas calling at once never both succeed where only
 * one may. Keys and slot ids are opaque strings the gateway makes; values are JSON text.
 */
export interface GatewayStore {
  /** Keeps `value` under `key` for `ttlMs`. */
  putTicket(key: string, value: string, ttlMs: number): Promise<void>
  /** The value, once, then gone (atomic get-and-delete); undefined when unknown, taken or expired. */
  takeTicket(key: string): Promise<string | undefined>
  /**
   * Counts one event for `key` in a sliding window of `windowMs`: allowed when fewer than `limit`
   * events are in the window (and then counted); refused, counting nothing, otherwise, with the
   * ms until the oldest event leaves the window.
   */
  hit(
    key: string,
    limit: number,
    windowMs: number,
  ): Promise<{ allowed: boolean; retryAfterMs: number }>
  /**
   * Takes slot `slot` in `group` when the group holds fewer than `limit` live slots (a slot the
   * group already holds is renewed and allowed). A slot lives `leaseMs` unless renewed, so the
   * slots of a replica that died free themselves.
   */
  acquireSlot(group: string, slot: string, limit: number, leaseMs: number): Promise<boolean>
  /**
   * Extends the leases of slots this replica's open relays hold (its heartbeat). A slot the store
   * no longer has (lost with its data, or lapsed while the store was out of reach) is taken
   * again, even past the group's limit: its relay is open, so it counts.
   */
  renewSlots(slots: readonly { group: string; slot: string }[], leaseMs: number): Promise<void>
  /** Gives a slot back at once. */
  releaseSlot(group: string, slot: string): Promise<void>
  /**
   * Live console sessions, for presence (who else is on a VM) and for reporting the sessions of
   * a replica that died. Optional, all four or none: without them each replica keeps its own
   * sessions in memory, so presence sees only the viewers on the same replica and a dead
   * replica's sessions are not reported. `vm` and `session` are opaque ids, `value` JSON text.
   *
   * Opens or renews each session (`value` under `session`, listed under `vm`) with a lease of
   * `leaseMs` (its replica's heartbeat). A session the store no longer has is put back: its relay
   * is open.
   */
  putSessions?(
    sessions: readonly { vm: string; session: string; value: string }[],
    leaseMs: number,
  ): Promise<void>
  /** Ends a session at once (its relay closed). */
  endSession?(vm: string, session: string): Promise<void>
  /** The values of `vm`'s sessions whose lease is running, in no particular order. */
  listSessions?(vm: string): Promise<string[]>
  /**
   * Takes up to `max` sessions whose lease ran out (their replica died or lost the store) out of
   * the store and returns their values: each to exactly one caller, once, however many replicas
   * ask at the same moment.
   */
  claimLapsedSessions?(max: number): Promise<string[]>
  /** The gateway's `close()` calls this; a store built on a client the portal owns leaves it open. */
  close?(): Promise<void>
}
