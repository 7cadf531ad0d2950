// Shapes of the console gateway: options, providers, targets, logger, stats and the handle.
// (Types only, so they live together; every runtime export has its own file.)
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import type { ConsoleErrorKind } from '../core/errors/ConsoleError.js'
import type { VmPowerAction } from '../core/power/VmPowerAction.js'
import type { VmStateInfo } from '../core/power/VmStateInfo.js'
import type { GatewayStore } from './store/GatewayStore.js'
import type { AuditEvent } from './audit/AuditEvent.js'
import type { RecordOptions } from './recording/RecordOptions.js'

/** TLS settings for one cloud: its API calls and its console websockets. */
export interface GatewayTlsOptions {
  /** PEM certificate(s) to trust, e.g. a cluster's self-signed CA. */
  ca?: string | Buffer | Array<string | Buffer>
  /** `false` accepts any certificate: lab clusters only, and it must be said explicitly. */
  rejectUnauthorized?: boolean
}

export interface CloudTowerProviderOptions {
  /** `https://tower.example.com`; the API is `${endpoint}/api`. */
  endpoint: string
  /** A CloudTower session token. Or give `username`/`password` and the gateway signs in itself. */
  token?: string
  username?: string
  password?: string
  /** `LoginInput.source`; default `LOCAL`. */
  source?: string
  /** `proxy` (default): through CloudTower's `/websockify`; `direct`: to the cluster's `cluster_ip`. */
  mode?: 'proxy' | 'direct'
  /** Port of the cluster's console proxy for `direct` (default 443 / 80 by `secure`). */
  directPort?: number
  /** `wss` for the direct link; default true. (The proxy link follows the endpoint's scheme.) */
  directSecure?: boolean
  language?: 'en-US' | 'zh-CN'
  tls?: GatewayTlsOptions
}

export interface EcsProviderOptions {
  /** `https://ecs.{region}.myhuaweicloud.com`, or give `region`. */
  endpoint?: string
  region?: string
  projectId: string
  /** An IAM token, or a function that returns a current one (IAM tokens last 24 h). */
  authToken?: string | (() => string | Promise<string>)
  /** AK/SK: every API call is signed with SDK-HMAC-SHA256 instead of sending a token. */
  accessKey?: string
  secretKey?: string
  /**
   * Hosts the gateway may open console sockets to, checked against the URL the ECS API answers
   * with: names or IPs compared exactly, or `*.example.com` for any name under it. Default: the
   * endpoint's own host and every name under its registered domain (`*.myhuaweicloud.com`;
   * `*.example.com.cn`, never `*.com.cn`).
   */
  consoleHosts?: readonly string[]
  tls?: GatewayTlsOptions
}

/** What the browser asks for. The gateway's own configuration decides everything else. */
export type ConsoleTarget =
  { provider: 'cloudtower'; vmId: string } | { provider: 'ecs'; serverId: string }

/** The incoming request as `authorize` sees it, whatever the framework. */
export interface GatewayRequest {
  method: string
  /** Path and query as received. */
  url: string
  /** Lower-case names; repeated headers are joined with `, `. */
  headers: Readonly<Record<string, string | undefined>>
  /** The client's address: the socket's peer, or with `trustProxy` the client behind the trusted proxies. */
  remoteAddress?: string
  /** The framework's own object: node's IncomingMessage (node:http, Express, Fastify's `req.raw`) or a web Request. */
  raw: IncomingMessage | Request
}

/**
 * `false`: refused (403). `{ user }`: allowed, and the limits count against `user`.
 * `true`: allowed, counted against the client's address — which only node's `handleRequest`
 * knows (the socket's address). With `fetch` there is none, so every `true` counts against one
 * shared `address:unknown` and all users share one set of limits: return `{ user }` there.
 * `power`: the power actions this user may take on this VM. Power is never implied: `true` and a
 * `{ user }` without `power` allow the console and the state, no power action.
 */
export type AuthorizeResult =
  | boolean
  | {
      user: string
      power?: readonly VmPowerAction[]
      /**
       * `observe`: the gateway drops every input message (keys, pointer, clipboard, QEMU keys,
       * XVP) before it reaches the VM. Default `control`.
       */
      mode?: ConsoleMode
      /**
       * Let this user's ClientInit ask for an exclusive session (RFB shared flag 0), which makes
       * the VNC server disconnect every other viewer of the VM. Default false: the gateway forces
       * the shared flag to 1 for everyone.
       */
      exclusive?: boolean
    }

/** `control`: keyboard and mouse reach the VM; `observe`: view only, enforced by the gateway. */
export type ConsoleMode = 'control' | 'observe'

/** What the browser asks the gateway to do with the target: a console, its state, or a power action. */
export type GatewayAction = 'console' | 'state' | VmPowerAction

/** `authorize`'s third argument: what the request is for. */
export interface AuthorizeContext {
  action: GatewayAction
}

export interface GatewayLogger {
  error(message: string, details?: Record<string, unknown>): void
  warn?(message: string, details?: Record<string, unknown>): void
  info?(message: string, details?: Record<string, unknown>): void
}

export interface GatewayLimits {
  /** Open relays at once, all users. Default 500. */
  maxRelays?: number
  /** Open relays (and unredeemed tickets) per user. Default 8. */
  maxRelaysPerUser?: number
  /** Console requests per user per minute. Default 30. */
  requestsPerMinutePerUser?: number
  /** Console requests per minute, all users. Default 600. */
  requestsPerMinute?: number
  /**
   * `POST {path}/state` per user per minute, counted apart from console requests (the browser
   * polls it while a VM starts). Default 120. Power actions count as console requests.
   */
  stateRequestsPerMinutePerUser?: number
  /** A relay with no byte either way for this long is closed. Default 15 minutes. */
  idleTimeoutMs?: number
  /** Pause the sending side while the other side's buffer exceeds this. Default 1 MiB. */
  highWaterMark?: number
  /** Ticket lifetime; at most (and by default) 30 000 ms. */
  ticketTtlMs?: number
  /** Cloud API calls and console handshakes. Default 15 000 ms. */
  upstreamTimeoutMs?: number
  /** The whole request body must arrive within this; else 408. Default 10 000 ms. */
  bodyTimeoutMs?: number
  /**
   * Requests and websockets the gateway refuses before `authorize` grants them (bad origin,
   * body, JSON or ticket; `authorize` saying no), per client address per minute, before that
   * address gets 429 for everything. Only node's handlers know the address. Default 60.
   */
  refusalsPerMinutePerAddress?: number
  /**
   * Every call to the `store` (request windows, slots, tickets) must answer within this, else the
   * request gets 503 with `Retry-After` and the websocket a 503 refusal: a Redis that is down or
   * hung costs a quick, retryable answer, not a hang. Default 2 000 ms.
   */
  storeTimeoutMs?: number
  /**
   * Both sockets of a relay are pinged this often; a side that shows no life between two pings
   * (no pong, no message, and none of the data waiting for it taken) is cut off, so a vanished
   * browser or console proxy is gone within twice this. Default 15 000 ms.
   */
  heartbeatMs?: number
  /** Largest websocket message the browser may send; larger ones close with 1009. Default 1 MiB. */
  maxBrowserMessageBytes?: number
  /** Largest websocket message the console proxy may send; larger ones close with 1009. Default 16 MiB. */
  maxUpstreamMessageBytes?: number
  /**
   * `POST {path}/presence` per user per minute, counted apart from console requests and from
   * the all-users window (the browser polls it every second per open console). Default 600.
   */
  presenceRequestsPerMinutePerUser?: number
  /**
   * A console session's lease in the store: its replica renews it every third of this. When a
   * replica dies, its sessions leave presence within this, and one surviving replica reports
   * each as ended (`closedBy: 'unknown'`) within this and a 5 s sweep. Default 30 000 ms.
   */
  sessionLeaseMs?: number
}

export interface ConsoleGatewayOptions {
  /**
   * Mandatory: the portal decides who may open which console. Return `{ user }` (the session's
   * user id) rather than `true`, and always with the fetch-style handler (`gateway.fetch`, e.g. a
   * Next.js route handler): it has no client address, so `true` puts every user under one shared
   * limit (`address:unknown`), and one user's consoles lock everyone else out. The gateway reads
   * X-Forwarded-For or Forwarded only with `trustProxy`.
   */
  authorize: (
    request: GatewayRequest,
    target: ConsoleTarget,
    context: AuthorizeContext,
  ) => AuthorizeResult | Promise<AuthorizeResult>
  providers: { cloudtower?: CloudTowerProviderOptions; ecs?: EcsProviderOptions }
  /** Where the browser reaches the gateway: `POST {path}` for a console, websocket `{path}?ticket=…`. Default `/consoles`. */
  path?: string
  /**
   * Origins allowed to call the gateway and open its websockets (`https://portal.example.com`), or a
   * predicate. Default: only the gateway's own host (the Origin's host equals the Host header).
   * Requests without an Origin (not from a browser) are let through: the ticket is their key.
   */
  allowedOrigins?: readonly string[] | ((origin: string) => boolean)
  limits?: GatewayLimits
  /** Default: errors only, through console.warn, redacted. */
  logger?: GatewayLogger
  /**
   * Where tickets, request windows and console slots live. Default: this process's memory. Give
   * every replica behind a load balancer the same shared store (`createRedisGatewayStore` from
   * `react-vm-console/server/redis`).
   */
  store?: GatewayStore
  /**
   * Off by default: the client's address is the socket's peer. Behind a load balancer or reverse
   * proxy every request comes from the proxy, so the per-address refusal limit and the logs
   * would name the proxy. Set the number of proxy hops in front of the gateway (`1` for one
   * balancer), or the proxies' addresses (`['10.0.0.5', '10.1.0.0/16']`), and the client's address
   * is read from `trustProxyHeader` behind the trusted hops (as Express's `trust proxy`).
   * Trust only proxies that overwrite or append to that header: from an untrusted hop, the header
   * is whatever the client wrote, and anyone could pick their address. Node handlers only.
   */
  trustProxy?: number | readonly string[]
  /** The header `trustProxy` reads: `x-forwarded-for` (default) or RFC 7239 `forwarded`. */
  trustProxyHeader?: 'x-forwarded-for' | 'forwarded'
  /**
   * This replica's name in logs, audit events and presence. Default `{hostname}:{pid}`. Give
   * each replica a stable, distinct name when they share a store.
   */
  replica?: string
  /**
   * Receives an audit event for every console granted or refused, session start and end, power
   * action and clipboard paste (see README). Called without waiting: a slow, throwing or
   * rejecting `audit` never holds up or breaks a console; failures are logged. Ready:
   * `createJsonLinesAuditSink({ path })`.
   */
  audit?: (event: AuditEvent) => void | Promise<void>
  /**
   * Also audit every key pressed in a console (`key` events: keysym, down). Off by default: a
   * gateway cannot tell a password prompt from a shell, so this records passwords typed into VMs.
   */
  auditKeys?: boolean
  /**
   * Records every session (the console's stream with timestamps, and the browser's messages
   * without keys and clipboard unless `auditKeys`) to a sink per session:
   * `{ sink: createFileRecordingSink({ directory }) }`. A failing or slow sink ends the
   * recording (`session.end` says it is incomplete), never the console.
   */
  record?: RecordOptions
}

/** The answer to a console request. */
export interface GatewayConsoleTicket {
  /** `{path}?ticket=…`: resolve it against the gateway's URL and use ws(s). */
  url: string
  /** The ticket must be redeemed within this many ms. */
  expiresInMs: number
  /** The power actions this user may take on this VM (`authorize`'s `power`), possibly none. */
  actions: VmPowerAction[]
  /** `observe`: the gateway lets no input through; show the console view-only. */
  mode: ConsoleMode
}

/** The answer to `POST {path}/state`. */
export interface GatewayVmState {
  state: VmStateInfo
  /** The power actions this user may take on this VM, possibly none. */
  actions: VmPowerAction[]
}

/** Another user with a console open on the same VM, in the answer to `POST {path}/presence`. */
export interface GatewayViewer {
  /** `authorize`'s `user`; `anonymous` for a user `authorize` allowed with `true` (its address is never shown). */
  user: string
  mode: 'control' | 'observe'
  /** ISO time of the user's earliest console still open on this VM. */
  since: string
}

/** The answer to `POST {path}/presence`: the other users on this VM (the asking user left out). */
export interface GatewayPresence {
  viewers: GatewayViewer[]
}

/** The answer (202) to `POST {path}/power`: the cloud accepted the action; poll `/state`. */
export interface GatewayPowerAccepted {
  state: VmStateInfo
}

/** The error body the browser gets. */
export interface GatewayErrorBody {
  error: {
    kind: ConsoleErrorKind
    message: string
    retryable: boolean
    /**
     * What the kind does not say: the cloud's own error code (`Ecs.0114`), or ours —
     * `service_unavailable` (503: the gateway's store did not answer; try again shortly),
     * `console_host_not_allowed` (the cloud named a console host outside `consoleHosts`).
     */
    code?: string
  }
}

export interface ConsoleGatewayStats {
  activeRelays: number
  pendingTickets: number
  totalRelays: number
  issuedTickets: number
  rejectedUpgrades: number
  /** Requests and websockets refused before `authorize` granted them (what the per-address limit counts). */
  refusals: number
  bytesToUpstream: number
  bytesToBrowser: number
}

export interface ConsoleGateway {
  /**
   * node:http / Express / Fastify (`req.raw`, `reply.raw`): answers `POST {path}`; other requests
   * go to `next` (or 404). A body already parsed by the framework is taken from `request.body`
   * (express.json() puts it there; with Fastify pass `Object.assign(req.raw, { body: req.body })`).
   */
  handleRequest(
    request: IncomingMessage,
    response: ServerResponse,
    next?: (error?: unknown) => void,
  ): Promise<void>
  /**
   * The same for fetch-style servers (a Next.js route handler, Hono, Bun…). A web Request has no
   * client address (`remoteAddress` is undefined), so `authorize` should return `{ user }` here:
   * `true` counts every user against one shared limit.
   */
  fetch(request: Request): Promise<Response>
  /** An `upgrade` listener. Returns false, touching nothing, when the URL is not `{path}`. */
  upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean
  readonly stats: Readonly<ConsoleGatewayStats>
  /** Refuses new work, ends every relay and gives back its slots; forgets the memory store's tickets. */
  close(): Promise<void>
}
