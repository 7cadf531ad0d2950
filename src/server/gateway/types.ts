// Shapes the gateway's steps share: the context built from the options, replies and ticket records.
// (Types only, so they live together; every runtime export has its own file.)
import type { IncomingMessage } from 'node:http'
import type { RawData, WebSocket, WebSocketServer } from 'ws'
import type { ConsoleErrorKind } from '../../core/errors/ConsoleError.js'
import type { VmPowerAction } from '../../core/power/VmPowerAction.js'
import type { GatewayStore } from '../store/GatewayStore.js'
import type { Relay } from '../relayWebSockets.js'
import type {
  ConsoleGatewayOptions,
  ConsoleGatewayStats,
  ConsoleMode,
  ConsoleTarget,
  GatewayLimits,
} from '../types.js'
import type { ConsoleSource } from '../providers/UpstreamConsole.js'
import type { SessionRegistry } from '../sessions/types.js'
import type { AuditEventInput } from '../audit/AuditEvent.js'

/** An answer to the browser, whether it goes out as an HTTP response or a refused upgrade. */
export interface Reply {
  status: number
  body: unknown
  headers?: Record<string, string>
  /** An address over its refusal limit: answered, not audited again. */
  flood?: boolean
}

/** What a ticket stands for, as JSON in the store: any replica can redeem it. */
export interface TicketRecord {
  url: string
  origin: string
  user: string
  target: ConsoleTarget
  /** The user's console slot, taken when the ticket was asked for; the relay keeps it. */
  slot: string
  /** Random, made with the ticket (never derived from it): the audit events' session id. */
  sessionId: string
  mode: ConsoleMode
  /** `authorize` allowed an exclusive session: the RFB shared flag is not forced. */
  exclusive: boolean
}

/** The gateway's logger, redacted and unable to throw. */
export type GatewayLog = (
  level: 'error' | 'warn' | 'info',
  message: string,
  details?: Record<string, unknown>,
) => void

/** A refusal of our own making, as the browser gets it. */
export type GatewayFail = (
  kind: ConsoleErrorKind,
  message: string,
  headers?: Record<string, string>,
) => Reply

/**
 * This replica's room (maxRelays): its relays, requests between the capacity check and their
 * ticket, and the tickets it issued until they are redeemed here or expire.
 */
export interface ReplicaRoom {
  /** Whether another console fits beside the open relays. */
  hasRoom(): boolean
  /** Holds room for a request on its way to a ticket. */
  reserve(): void
  /** Gives a request's room back (it ended without a ticket). */
  unreserve(): void
  /** The request's room passes to its ticket until it is redeemed or expires. */
  keepForTicket(key: string, ttlMs: number): void
  /** The ticket under `key` was redeemed (or expired): its room goes back. */
  settle(key: string): void
  /** close(): every ticket's room goes back at once. */
  clear(): void
}

/** The users' console slots this replica's relays hold, renewed while they live. */
export interface SlotKeeper {
  /** The relay's slot is held from now on (the heartbeat renews it). */
  hold(group: string, slot: string): void
  /** Takes (or renews) a held slot on a relay's lease. */
  lease(group: string, slot: string, limit: number): Promise<boolean>
  /** Gives a slot back, held or not. */
  release(group: string, slot: string): void
  /** A store call failed: renew within a second, and every second until it works again. */
  renewSoon(): void
  /** Ends the heartbeat. */
  stop(): void
  /** close(): every slot still held goes back now, not when its lease ends. */
  releaseAll(): Promise<void>
}

/** Refused requests per client address (per replica: it guards this process's sockets). */
export interface RefusalCounter {
  /** Counts a refusal against the address and passes the reply on. */
  refused(address: string | undefined, reply: Reply): Reply
  /** The 429 for an address that was refused too often, or null. */
  tooManyRefusals(address: string | undefined): Reply | null
}

/** Everything the steps of one gateway share, built once from its options. */
export interface GatewayContext {
  readonly options: ConsoleGatewayOptions
  /** `options.replica`, or `{hostname}:{pid}`. */
  readonly replica: string
  readonly path: string
  readonly limits: Required<GatewayLimits>
  readonly maxBodyBytes: number
  readonly sources: Partial<Record<ConsoleTarget['provider'], ConsoleSource>>
  readonly store: GatewayStore
  readonly secrets: () => (string | undefined)[]
  readonly log: GatewayLog
  readonly stats: ConsoleGatewayStats
  readonly fail: GatewayFail
  readonly room: ReplicaRoom
  readonly slots: SlotKeeper
  /** The console sessions open on this replica, shared through the store (presence). */
  readonly sessions: SessionRegistry
  readonly refusals: RefusalCounter
  /** Stamps and hands an audit event to `options.audit`; never throws, never waits. */
  readonly audit: (event: AuditEventInput) => void
  /** The client's address (the socket's peer, or behind `trustProxy`'s trusted hops). */
  readonly clientAddress: (request: IncomingMessage) => string | undefined
  readonly relays: Set<Relay>
  /** Upgrades that hold a slot but have no relay yet; close() aborts them. */
  readonly upgrading: Set<() => void>
  /** The subprotocol the upstream chose, per browser request, so the browser gets the same one. */
  readonly chosenProtocol: WeakMap<IncomingMessage, string>
  readonly wss: WebSocketServer
  /** Power actions this replica follows, by `provider:id`, so `/state` can show them under way. */
  readonly powerUnderWay: Map<string, { action: VmPowerAction }>
  /** close() aborts the power tasks still followed. */
  readonly following: AbortController
  closing: boolean
}

/** The console proxy's websocket on its way to open, and what it sent before the browser was attached. */
export interface UpstreamLink {
  socket: WebSocket
  /** Bytes the console sends at once (RFB's version string) wait here for the browser. */
  waiting: { data: RawData; isBinary: boolean }[]
  /** The browser is attached: stop keeping messages in `waiting`. */
  stopKeeping(): void
  /** Null once open; else the refusal the browser gets. */
  opened: Promise<Reply | null>
}
