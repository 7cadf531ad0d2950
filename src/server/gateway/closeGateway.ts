import type { GatewayContext } from './types.js'

/** `gateway.close`: refuses new work, ends every relay and gives back its slots. */
export async function closeGateway(ctx: GatewayContext): Promise<void> {
  ctx.closing = true
  ctx.slots.stop()
  ctx.room.clear()
  ctx.following.abort()
  // Upgrades still connecting upstream, or handed to ws and not called back: end both sides.
  for (const abort of [...ctx.upgrading]) abort()
  for (const relay of ctx.relays) relay.close()
  // Relays end within their 2 s close grace; wait for them so stats settle before we resolve.
  const deadline = Date.now() + 2_500
  while (ctx.relays.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10))
  for (const client of ctx.wss.clients) client.terminate()
  ctx.wss.close()
  for (const source of Object.values(ctx.sources)) source.close()
  // Slots still held (relays that did not end in time) go back now, not when leases end.
  await ctx.slots.releaseAll()
  ctx.sessions.stop()
  if (!ctx.options.store) await ctx.store.close?.()
}
