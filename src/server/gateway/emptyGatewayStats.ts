import type { ConsoleGatewayStats } from '../types.js'

/** A gateway's stats before its first request: what a new gateway counts from. */
export function emptyGatewayStats(): ConsoleGatewayStats {
  return {
    activeRelays: 0,
    pendingTickets: 0,
    totalRelays: 0,
    issuedTickets: 0,
    rejectedUpgrades: 0,
    refusals: 0,
    bytesToUpstream: 0,
    bytesToBrowser: 0,
  }
}
