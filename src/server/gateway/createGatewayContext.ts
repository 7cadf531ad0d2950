import { emptyGatewayStats } from './emptyGatewayStats.js'
import type { IncomingMessage } from 'node:http'
import { hostname } from 'node:os'
import { WebSocketServer, type ServerOptions } from 'ws'
import { ConsoleError } from '../../core/errors/ConsoleError.js'
import { createCloudTowerSource } from '../providers/createCloudTowerSource.js'
import { createEcsSource } from '../providers/createEcsSource.js'
import { createMemoryGatewayStore } from '../store/createMemoryGatewayStore.js'
import { withStoreDeadline } from '../store/withStoreDeadline.js'
import { redactForLog } from '../redactForLog.js'
import type { Relay } from '../relayWebSockets.js'
import { toGatewayError } from '../toGatewayError.js'
import { CLOSE_GRACE_MS } from '../CLOSE_GRACE_MS.js'
import type {
  ConsoleGatewayOptions,
  ConsoleTarget,
  GatewayLimits,
  GatewayLogger,
} from '../types.js'
import type { ConsoleSource } from '../providers/UpstreamConsole.js'
import { createAuditTrail } from '../audit/createAuditTrail.js'
import { createClientAddress } from './createClientAddress.js'
import { createRefusalCounter } from './createRefusalCounter.js'
import { createReplicaRoom } from './createReplicaRoom.js'
import { createSlotKeeper } from './createSlotKeeper.js'
import { createSessionRegistry } from '../sessions/createSessionRegistry.js'
import { lostSessionEnd } from '../sessions/lostSessionEnd.js'
import type { GatewayContext, GatewayFail, GatewayLog } from './types.js'

const MAX_TICKET_TTL = 30_000
const MAX_BODY = 16 * 1024

const defaultLogger: GatewayLogger = {
  error: (message, details) => console.warn(`[react-vm-console/server] ${message}`, details ?? ''),
}

/** The options checked and given their defaults, and the state every step of the gateway shares. */
export function createGatewayContext(options: ConsoleGatewayOptions): GatewayContext {
  if (typeof options?.authorize !== 'function') {
    throw new Error(
      'createConsoleGateway: `authorize(request, target)` is required. It decides who may open which console; there is deliberately no default that lets everyone in.',
    )
  }
  const path = (options.path ?? '/consoles').replace(/\/+$/, '') || '/'
  if (!path.startsWith('/')) throw new Error('createConsoleGateway: path must start with /.')
  const limits: Required<GatewayLimits> = {
    maxRelays: 500,
    maxRelaysPerUser: 8,
    requestsPerMinutePerUser: 30,
    requestsPerMinute: 600,
    stateRequestsPerMinutePerUser: 120,
    idleTimeoutMs: 15 * 60_000,
    highWaterMark: 1024 * 1024,
    ticketTtlMs: MAX_TICKET_TTL,
    upstreamTimeoutMs: 15_000,
    bodyTimeoutMs: 10_000,
    refusalsPerMinutePerAddress: 60,
    storeTimeoutMs: 2_000,
    heartbeatMs: 15_000,
    // noVNC sends at most 10 KiB per message (its send queue); 1 MiB leaves room for other RFB
    // clients' clipboard text and bounds what one frame can pin.
    maxBrowserMessageBytes: 1024 * 1024,
    // A full raw 1920×1080 update is 8.3 MB even if a proxy sent it as one message; the
    // proxies measured send far smaller frames (see README).
    maxUpstreamMessageBytes: 16 * 1024 * 1024,
    presenceRequestsPerMinutePerUser: 600,
    sessionLeaseMs: 30_000,
    ...options.limits,
  }
  if (!(limits.ticketTtlMs > 0 && limits.ticketTtlMs <= MAX_TICKET_TTL)) {
    throw new Error('createConsoleGateway: limits.ticketTtlMs must be between 1 and 30 000 ms.')
  }
  for (const name of [
    'heartbeatMs',
    'maxBrowserMessageBytes',
    'maxUpstreamMessageBytes',
    'sessionLeaseMs',
  ] as const) {
    if (!(Number.isFinite(limits[name]) && limits[name] > 0)) {
      throw new Error(`createConsoleGateway: limits.${name} must be a positive number.`)
    }
  }
  const sources: Partial<Record<ConsoleTarget['provider'], ConsoleSource>> = {}
  if (options.providers?.cloudtower) {
    sources.cloudtower = createCloudTowerSource(
      options.providers.cloudtower,
      limits.upstreamTimeoutMs,
    )
  }
  if (options.providers?.ecs) {
    sources.ecs = createEcsSource(options.providers.ecs, limits.upstreamTimeoutMs)
  }
  if (!sources.cloudtower && !sources.ecs) {
    throw new Error('createConsoleGateway: configure at least one provider (cloudtower or ecs).')
  }
  if (!(limits.storeTimeoutMs > 0)) {
    throw new Error('createConsoleGateway: limits.storeTimeoutMs must be more than 0 ms.')
  }
  // A shared store (Redis) may hang or go away: every call gets a deadline. Memory cannot.
  // When it fails, the slot heartbeat hurries: Redis may come back empty.
  let storeFailed = () => {}
  const store = options.store
    ? withStoreDeadline(options.store, limits.storeTimeoutMs, () => storeFailed())
    : createMemoryGatewayStore()

  const logger = options.logger ?? defaultLogger
  const secrets = () => Object.values(sources).flatMap((source) => source.secrets())
  const log: GatewayLog = (level, message, details) => {
    const write = logger[level]
    if (!write) return
    try {
      write.call(
        logger,
        redactForLog(message, secrets()),
        details && redactForLog(details, secrets()),
      )
    } catch {
      // A failing logger must not fail a console.
    }
  }

  const stats = emptyGatewayStats()
  const fail: GatewayFail = (kind, message, headers) => {
    const { status, body } = toGatewayError(new ConsoleError({ kind, provider: 'vnc', message }))
    return { status, body, ...(headers && { headers }) }
  }

  const chosenProtocol = new WeakMap<IncomingMessage, string>()
  const slots = createSlotKeeper(store, log)
  storeFailed = () => slots.renewSoon()
  const replica = options.replica ?? `${hostname()}:${process.pid}`
  if (typeof replica !== 'string' || replica === '') {
    throw new Error('createConsoleGateway: replica must be a non-empty string.')
  }
  const audit = createAuditTrail(options.audit, replica, log, secrets)
  return {
    options,
    replica,
    path,
    limits,
    maxBodyBytes: MAX_BODY,
    sources,
    store,
    secrets,
    log,
    stats,
    fail,
    room: createReplicaRoom(stats, limits.maxRelays),
    slots,
    sessions: createSessionRegistry({
      store,
      log,
      leaseMs: limits.sessionLeaseMs,
      onLost: (session) => audit(lostSessionEnd(session, Date.now())),
    }),
    refusals: createRefusalCounter(limits.refusalsPerMinutePerAddress, stats, fail),
    audit,
    clientAddress: createClientAddress(options),
    relays: new Set<Relay>(),
    upgrading: new Set<() => void>(),
    chosenProtocol,
    wss: new WebSocketServer({
      noServer: true,
      perMessageDeflate: false,
      maxPayload: limits.maxBrowserMessageBytes,
      // One message per turn of the event loop: a burst of tiny frames from one browser must
      // not hold up every other relay (ws's default handles a whole read at once).
      allowSynchronousEvents: false,
      handleProtocols: (protocols, request) => {
        const chosen = chosenProtocol.get(request)
        return chosen && protocols.has(chosen) ? chosen : false
      },
      // ws's own close paths too (the peer's close frame, a protocol error, an oversized
      // message). ws 8.23 takes it; @types/ws does not list it yet.
      closeTimeout: CLOSE_GRACE_MS,
    } as ServerOptions),
    powerUnderWay: new Map(),
    following: new AbortController(),
    closing: false,
  }
}
