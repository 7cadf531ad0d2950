import type { RawData, WebSocket } from 'ws'
import { relayWebSockets, type Relay } from '../relayWebSockets.js'
import type { RelaySlot } from './createRelaySlot.js'
import type { GatewayContext, TicketRecord } from './types.js'

/** What a console session starts from: the attached browser and the open console proxy link. */
export interface ConsoleSessionStart {
  record: TicketRecord
  address: string | undefined
  browser: WebSocket
  link: WebSocket
  /** What the console proxy sent before the browser was attached, in order. */
  early: readonly { data: RawData; isBinary: boolean }[]
  slot: RelaySlot
}

/**
 * The one place a console session starts (the browser is attached to the console proxy) and,
 * in `onEnd`, the one place it ends: both sockets closed, its slot given back.
 */
export function startConsoleSession(ctx: GatewayContext, start: ConsoleSessionStart): Relay {
  const { stats, limits, log } = ctx
  const { record, browser, link, slot } = start
  stats.totalRelays++
  const relay: Relay = relayWebSockets(browser, link, {
    highWaterMark: limits.highWaterMark,
    idleTimeoutMs: limits.idleTimeoutMs,
    heartbeatMs: limits.heartbeatMs,
    early: start.early,
    onBytes: (direction, bytes) => {
      if (direction === 'toUpstream') stats.bytesToUpstream += bytes
      else stats.bytesToBrowser += bytes
    },
    onEnd: (reason) => {
      ctx.relays.delete(relay)
      slot.end()
      log('info', `Console relay ended (${reason}).`, { user: record.user })
    },
  })
  slot.attach(relay)
  ctx.relays.add(relay)
  return relay
}
