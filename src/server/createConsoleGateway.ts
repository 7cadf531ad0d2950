import { createHash, randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import type { TLSSocket } from 'node:tls'
import { WebSocket, WebSocketServer, type RawData } from 'ws'
import { ConsoleError, type ConsoleErrorKind } from '../core/ConsoleError.js'
import { createCloudTowerSource } from './createCloudTowerSource.js'
import { createEcsSource } from './createEcsSource.js'
import { createMemoryGatewayStore } from './createMemoryGatewayStore.js'
import { createRateLimiter } from './createRateLimiter.js'
import { isOriginAllowed } from './isOriginAllowed.js'
import { parseConsoleTarget } from './parseConsoleTarget.js'
import { readNodeBody } from './readNodeBody.js'
import { readWebBody, type BodyRead } from './readWebBody.js'
import { redactForLog } from './redactForLog.js'
import { relayWebSockets, type Relay } from './relayWebSockets.js'
import { requestScheme } from './requestScheme.js'
import { toGatewayError } from './toGatewayError.js'
import type {
  ConsoleGateway,
  ConsoleGatewayOptions,
  ConsoleGatewayStats,
  ConsoleTarget,
  GatewayConsoleTicket,
  GatewayLogger,
  GatewayRequest,
} from './types.js'
import type { ConsoleSource } from './UpstreamConsole.js'

interface Reply {
  status: number
  body: unknown
  headers?: Record<string, string>
}

/** What a ticket stands for, as JSON in the store: any replica can redeem it. */
interface TicketRecord {
  url: string
  origin: string
  user: string
  target: ConsoleTarget
  /** The user's console slot, taken when the ticket was asked for; the relay keeps it. */
  slot: string
}

const MAX_TICKET_TTL = 30_000
const MAX_BODY = 16 * 1024
// A slot outlives its ticket by this much, so a ticket redeemed at the last moment keeps it.
const TICKET_SLOT_GRACE_MS = 5_000
// A relay's slot lease; its replica renews it every third of that. A replica that dies frees its
// users' slots within this time.
const RELAY_LEASE_MS = 60_000
const NO_STORE = { 'cache-control': 'no-store', 'content-type': 'application/json; charset=utf-8' }

const defaultLogger: GatewayLogger = {
  error: (message, details) => console.warn(`[react-vm-console/server] ${message}`, details ?? ''),
}

// The store sees a ticket's hash only: reading the store does not give anyone a ticket to redeem.
const ticketKey = (ticket: string) => createHash('sha256').update(ticket).digest('base64url')
const groupOf = (user: string) => `user:${user}`
const describe = (target: ConsoleTarget) =>
  `${target.provider} ${target.provider === 'cloudtower' ? target.vmId : target.serverId}`

/**
 * A console gateway: the browser asks it for a console (`POST {path}` with `{ provider, vmId }`
 * or `{ provider, serverId }`), it checks `authorize`, fetches the cloud's one-time console
 * credentials itself and answers with its own single-use ticket; the browser's websocket
 * `{path}?ticket=…` is then relayed to the cloud's console proxy. Cloud secrets stay here.
 */
export function createConsoleGateway(options: ConsoleGatewayOptions): ConsoleGateway {
  if (typeof options?.authorize !== 'function') {
    throw new Error(
      'createConsoleGateway: `authorize(request, target)` is required. It decides who may open which console; there is deliberately no default that lets everyone in.',
    )
  }
  const path = (options.path ?? '/consoles').replace(/\/+$/, '') || '/'
  if (!path.startsWith('/')) throw new Error('createConsoleGateway: path must start with /.')
  const limits = {
    maxRelays: 500,
    maxRelaysPerUser: 8,
    requestsPerMinutePerUser: 30,
    requestsPerMinute: 600,
    idleTimeoutMs: 15 * 60_000,
    highWaterMark: 1024 * 1024,
    ticketTtlMs: MAX_TICKET_TTL,
    upstreamTimeoutMs: 15_000,
    bodyTimeoutMs: 10_000,
    refusalsPerMinutePerAddress: 60,
    ...options.limits,
  }
  if (!(limits.ticketTtlMs > 0 && limits.ticketTtlMs <= MAX_TICKET_TTL)) {
    throw new Error('createConsoleGateway: limits.ticketTtlMs must be between 1 and 30 000 ms.')
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
  const store = options.store ?? createMemoryGatewayStore()

  const logger = options.logger ?? defaultLogger
  const secrets = () => Object.values(sources).flatMap((source) => source.secrets())
  const log = (
    level: 'error' | 'warn' | 'info',
    message: string,
    details?: Record<string, unknown>,
  ) => {
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

  const stats: ConsoleGatewayStats = {
    activeRelays: 0,
    pendingTickets: 0,
    totalRelays: 0,
    issuedTickets: 0,
    rejectedUpgrades: 0,
    refusals: 0,
    bytesToUpstream: 0,
    bytesToBrowser: 0,
  }
  // This replica's room (maxRelays): its relays, requests between the capacity check and their
  // ticket, and the tickets it issued until they are redeemed here or expire.
  let reservedHere = 0
  const pendingHere = new Map<string, NodeJS.Timeout>()
  const settlePending = (key: string) => {
    const timer = pendingHere.get(key)
    if (!timer) return
    clearTimeout(timer)
    pendingHere.delete(key)
    reservedHere--
    stats.pendingTickets = pendingHere.size
  }

  // The users' console slots this replica's relays hold, renewed while they live.
  const heldSlots = new Map<string, { group: string; slot: string }>()
  const releaseSlot = (group: string, slot: string) => {
    heldSlots.delete(slot)
    store.releaseSlot(group, slot).catch((error: unknown) => {
      log('warn', 'Giving a console slot back failed; its lease will end it.', { error })
    })
  }
  const heartbeat = setInterval(() => {
    if (heldSlots.size === 0) return
    store.renewSlots([...heldSlots.values()], RELAY_LEASE_MS).catch((error: unknown) => {
      log('error', 'Renewing console slots failed.', { error })
    })
  }, RELAY_LEASE_MS / 3)
  heartbeat.unref()

  // Refused requests per client address (per replica: it guards this process's sockets).
  const refusalsByAddress = createRateLimiter(limits.refusalsPerMinutePerAddress)
  const refused = (address: string | undefined, reply: Reply): Reply => {
    stats.refusals++
    if (address) refusalsByAddress.take(address)
    return reply
  }
  const tooManyRefusals = (address: string | undefined): Reply | null => {
    const waitMs = address ? refusalsByAddress.retryAfterMs(address) : 0
    if (waitMs <= 0) return null
    return fail('rate_limited', 'Too many refused requests from this address. Try again later.', {
      'retry-after': String(Math.ceil(waitMs / 1000)),
    })
  }

  const relays = new Set<Relay>()
  // Upgrades that hold a slot but have no relay yet; close() aborts them.
  const upgrading = new Set<() => void>()
  let closing = false

  // The subprotocol the upstream chose, per browser request, so the browser gets the same one.
  const chosenProtocol = new WeakMap<IncomingMessage, string>()
  const wss = new WebSocketServer({
    noServer: true,
    perMessageDeflate: false,
    handleProtocols: (protocols, request) => {
      const chosen = chosenProtocol.get(request)
      return chosen && protocols.has(chosen) ? chosen : false
    },
  })

  const fail = (
    kind: ConsoleErrorKind,
    message: string,
    headers?: Record<string, string>,
  ): Reply => {
    const { status, body } = toGatewayError(new ConsoleError({ kind, provider: 'vnc', message }))
    return { status, body, ...(headers && { headers }) }
  }
  const bodyProblem = (problem: 'too_large' | 'timeout'): Reply => {
    // The rest of the body is never read: the connection closes after this answer.
    const reply =
      problem === 'too_large'
        ? fail('invalid_input', `The request is too large (at most ${MAX_BODY / 1024} KiB).`)
        : fail('timeout', 'The request body did not arrive in time.')
    return {
      ...reply,
      status: problem === 'too_large' ? 413 : 408,
      headers: { connection: 'close' },
    }
  }

  /** The credential call, whatever the framework. */
  async function serve(
    request: GatewayRequest,
    scheme: 'http:' | 'https:',
    readBody: () => Promise<BodyRead | { ok: true; parsed: unknown }>,
    signal: AbortSignal,
  ): Promise<Reply> {
    if (closing) return fail('server', 'The console gateway is shutting down.')
    const address = request.remoteAddress
    const blocked = tooManyRefusals(address)
    if (blocked) return blocked
    const refuse = (reply: Reply) => refused(address, reply)
    if (
      !isOriginAllowed(request.headers.origin, request.headers.host, options.allowedOrigins, scheme)
    ) {
      return refuse(
        fail('forbidden', 'This page may not use the console gateway (its origin is not allowed).'),
      )
    }
    if (request.method !== 'POST')
      return refuse(fail('invalid_input', `Ask for a console with POST ${path}.`))
    // JSON only: a cross-site form cannot send it without a CORS preflight that we do not grant.
    if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
      return refuse(
        fail('invalid_input', 'Send the request as JSON (content-type: application/json).'),
      )
    }
    let target: ConsoleTarget
    try {
      const body = await readBody()
      if (!body.ok) return refuse(bodyProblem(body.problem))
      target = parseConsoleTarget('parsed' in body ? body.parsed : parseJson(body.text))
    } catch (error) {
      if (!ConsoleError.is(error) || error.kind !== 'invalid_input') {
        log('error', 'Reading the console request failed.', { error })
        return toGatewayError(error)
      }
      return refuse(toGatewayError(error))
    }
    const source = sources[target.provider]
    if (!source)
      return refuse(
        fail(
          'not_found',
          `This console gateway has no ${target.provider === 'ecs' ? 'ECS' : 'CloudTower'} provider.`,
        ),
      )

    let allowed
    try {
      allowed = await options.authorize(request, target)
    } catch (error) {
      log('error', 'authorize() threw; the console was refused.', { error })
      return fail('server', 'The portal could not check your access to this console.')
    }
    if (
      allowed !== true &&
      (typeof allowed !== 'object' || allowed === null || typeof allowed.user !== 'string')
    ) {
      return refuse(fail('forbidden', 'You may not open this console.'))
    }
    const user = allowed === true ? `address:${address ?? 'unknown'}` : `user:${allowed.user}`
    if (closing) return fail('server', 'The console gateway is shutting down.')

    // Room on this replica is reserved before the first await, so parallel requests cannot
    // overshoot it; the user's slot is taken atomically in the store. Both are given back on
    // every way out that does not end in a ticket.
    if (stats.activeRelays + reservedHere >= limits.maxRelays) {
      return fail(
        'rate_limited',
        'The console gateway has no room for another console. Try again later.',
      )
    }
    reservedHere++
    const group = groupOf(user)
    const slot = randomBytes(16).toString('base64url')
    let slotTaken = false
    let issued = false
    try {
      const overall = await store.hit('requests:*', limits.requestsPerMinute, 60_000)
      if (!overall.allowed) {
        return fail('rate_limited', 'The console gateway is busy. Try again in a moment.', {
          'retry-after': String(Math.ceil(overall.retryAfterMs / 1000)),
        })
      }
      const mine = await store.hit(`requests:${group}`, limits.requestsPerMinutePerUser, 60_000)
      if (!mine.allowed) {
        const seconds = Math.ceil(mine.retryAfterMs / 1000)
        return fail('rate_limited', `Too many console requests. Try again in ${seconds} s.`, {
          'retry-after': String(seconds),
        })
      }
      slotTaken = await store.acquireSlot(
        group,
        slot,
        limits.maxRelaysPerUser,
        limits.ticketTtlMs + TICKET_SLOT_GRACE_MS,
      )
      if (!slotTaken) {
        return fail(
          'rate_limited',
          `You have ${limits.maxRelaysPerUser} consoles open; close one first.`,
        )
      }

      const id = target.provider === 'cloudtower' ? target.vmId : target.serverId
      let upstream
      try {
        upstream = await source.open(id, signal)
      } catch (error) {
        const answer = toGatewayError(error, secrets())
        const level = answer.status >= 500 ? 'error' : 'warn'
        log(level, `No console for ${describe(target)}.`, { user, error })
        return answer
      }
      if (closing) return fail('server', 'The console gateway is shutting down.')
      const ticket = randomBytes(32).toString('base64url')
      const key = ticketKey(ticket)
      const record: TicketRecord = {
        url: upstream.url,
        origin: upstream.origin,
        user,
        target,
        slot,
      }
      await store.putTicket(key, JSON.stringify(record), limits.ticketTtlMs)
      issued = true
      const expire = setTimeout(() => settlePending(key), limits.ticketTtlMs)
      expire.unref()
      pendingHere.set(key, expire)
      stats.issuedTickets++
      stats.pendingTickets = pendingHere.size
      log('info', `Console ticket issued for ${describe(target)}.`, { user })
      const body: GatewayConsoleTicket = {
        url: `${path}?ticket=${ticket}`,
        expiresInMs: limits.ticketTtlMs,
      }
      return { status: 200, body }
    } finally {
      if (!issued) {
        reservedHere--
        if (slotTaken) releaseSlot(group, slot)
      }
    }
  }

  function corsHeaders(
    headers: Readonly<Record<string, string | undefined>>,
  ): Record<string, string> {
    const { origin, host } = headers
    // Only origins other than our own need CORS; they were allowed explicitly.
    if (!origin || !options.allowedOrigins || isOriginAllowed(origin, host)) return {}
    if (!isOriginAllowed(origin, host, options.allowedOrigins)) return {}
    return {
      'access-control-allow-origin': origin,
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'POST',
      // The headers the page's preflight asks for (GatewayConsole's `headers`, e.g. a CSRF
      // token): an allowed origin may send them, as long as they are header names.
      'access-control-allow-headers': allowedRequestHeaders(
        headers['access-control-request-headers'],
      ),
      vary: 'Origin, Access-Control-Request-Headers',
    }
  }

  const nodeHeaders = (message: IncomingMessage) => {
    const headers: Record<string, string | undefined> = {}
    for (const [name, value] of Object.entries(message.headers)) {
      headers[name] = Array.isArray(value) ? value.join(', ') : value
    }
    return headers
  }
  const nodeScheme = (message: IncomingMessage, headers: Record<string, string | undefined>) =>
    requestScheme(headers['x-forwarded-proto'], Boolean((message.socket as TLSSocket).encrypted))

  async function handleRequest(
    request: IncomingMessage,
    response: ServerResponse,
    next?: (error?: unknown) => void,
  ) {
    // Express strips its mount path from `url` and keeps the whole one in `originalUrl`.
    const fullUrl = (request as { originalUrl?: string }).originalUrl ?? request.url ?? '/'
    if (pathnameOf(fullUrl) !== path) {
      if (next) return next()
      return write(response, fail('not_found', 'No such console gateway route.'), {})
    }
    const headers = nodeHeaders(request)
    const cors = corsHeaders(headers)
    if (request.method === 'OPTIONS') {
      response.writeHead(204, { ...cors, 'cache-control': 'no-store' })
      return void response.end()
    }
    const controller = new AbortController()
    response.on('close', () => {
      if (!response.writableEnded) controller.abort()
    })
    const gatewayRequest: GatewayRequest = {
      method: request.method ?? 'GET',
      url: fullUrl,
      headers,
      remoteAddress: request.socket?.remoteAddress,
      raw: request,
    }
    let reply: Reply
    try {
      reply = await serve(
        gatewayRequest,
        nodeScheme(request, headers),
        () => readFrameworkBody(request, limits.bodyTimeoutMs),
        controller.signal,
      )
    } catch (error) {
      log('error', 'Console request failed.', { error })
      reply = toGatewayError(error)
    }
    write(response, reply, cors)
  }

  async function fetchHandler(request: Request): Promise<Response> {
    const url = new URL(request.url)
    if (url.pathname.replace(/\/+$/, '') !== path) {
      return json(fail('not_found', 'No such console gateway route.'), {})
    }
    const headers: Record<string, string | undefined> = {}
    request.headers.forEach((value, name) => (headers[name] = value))
    const cors = corsHeaders(headers)
    if (request.method === 'OPTIONS')
      return new Response(null, { status: 204, headers: { ...cors, 'cache-control': 'no-store' } })
    const gatewayRequest: GatewayRequest = {
      method: request.method,
      url: url.pathname + url.search,
      headers,
      raw: request,
    }
    let reply: Reply
    try {
      reply = await serve(
        gatewayRequest,
        requestScheme(headers['x-forwarded-proto'], url.protocol === 'https:'),
        () => readWebBody(request, MAX_BODY, limits.bodyTimeoutMs),
        request.signal,
      )
    } catch (error) {
      log('error', 'Console request failed.', { error })
      reply = toGatewayError(error)
    }
    // A web Response may not set `connection`; the server that hosts the handler decides.
    const { connection: _connection, ...replyHeaders } = reply.headers ?? {}
    return json({ ...reply, headers: replyHeaders }, cors)
  }

  function upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(request.url ?? '/', 'http://gateway.invalid')
    if (url.pathname.replace(/\/+$/, '') !== path) return false
    socket.on('error', () => {})
    redeem(request, socket, head, url).catch((error: unknown) => {
      log('error', 'Console upgrade failed.', { error })
      refuse(socket, toGatewayError(error))
    })
    return true
  }

  async function redeem(request: IncomingMessage, socket: Duplex, head: Buffer, url: URL) {
    const headers = nodeHeaders(request)
    const address = request.socket?.remoteAddress
    const reject = (reply: Reply) => {
      stats.rejectedUpgrades++
      refuse(socket, reply)
    }
    if (closing) return reject(fail('server', 'The console gateway is shutting down.'))
    const blocked = tooManyRefusals(address)
    if (blocked) return reject(blocked)
    // A handshake the websocket server would refuse is refused here, before the ticket is spent
    // or a slot taken: ws answers it with a 400 and never hands the socket over.
    const malformed = handshakeProblem(request)
    if (malformed) {
      log('warn', 'Console websocket refused: malformed handshake.', {
        problem: malformed.message,
      })
      return reject(refused(address, fail('invalid_input', malformed.message, malformed.headers)))
    }
    if (
      !isOriginAllowed(
        headers.origin,
        headers.host,
        options.allowedOrigins,
        nodeScheme(request, headers),
      )
    ) {
      log('warn', 'Console websocket refused: origin not allowed.', { origin: headers.origin })
      return reject(
        refused(
          address,
          fail(
            'forbidden',
            'This page may not open console websockets (its origin is not allowed).',
          ),
        ),
      )
    }

    // From here on the browser may leave while we wait (store, console proxy). Its FIN raises
    // `end` on an upgrade socket (HTTP sockets allow half-open), not `close`; reading the socket
    // is what lets us see it. Browsers send nothing before the 101, but any byte read is kept and
    // handed to the websocket with `head`.
    const early: Buffer[] = head.length > 0 ? [head] : []
    const keepEarly = (chunk: Buffer) => early.push(chunk)
    let gone = false
    let onGone = () => {
      gone = true
    }
    const left = () => onGone()
    socket.on('data', keepEarly)
    socket.once('end', left)
    socket.once('close', left)
    const detach = () => {
      socket.off('data', keepEarly)
      socket.off('end', left)
      socket.off('close', left)
    }

    const ticket = url.searchParams.get('ticket') ?? ''
    const key = /^[\w-]{43}$/.test(ticket) ? ticketKey(ticket) : undefined
    const raw = key === undefined ? undefined : await store.takeTicket(key)
    const record = raw === undefined ? undefined : parseTicketRecord(raw)
    if (key !== undefined) settlePending(key)
    if (!record) {
      detach()
      return reject(
        refused(
          address,
          fail(
            'forbidden',
            'The console ticket is unknown, used or expired. Ask for a new console.',
          ),
        ),
      )
    }
    const group = groupOf(record.user)
    if (stats.activeRelays >= limits.maxRelays || closing || gone) {
      detach()
      releaseSlot(group, record.slot)
      if (gone) return socket.destroy()
      return reject(
        closing
          ? fail('server', 'The console gateway is shutting down.')
          : fail('rate_limited', 'Too many consoles are open. Close one first.'),
      )
    }
    // Count the relay from now on, so parallel upgrades cannot overshoot the limits. Until the
    // relay exists, `abandon` gives the slot back and ends the upstream link, on every way out:
    // a failure here, the browser leaving (also when ws refuses the handshake without calling
    // back), or close().
    stats.activeRelays++
    heldSlots.set(record.slot, { group, slot: record.slot })
    let released = false
    const release = () => {
      if (released) return
      released = true
      stats.activeRelays--
      releaseSlot(group, record.slot)
    }
    let upstream: WebSocket | undefined
    let relay: Relay | undefined
    const abandon = () => {
      if (relay) return
      upgrading.delete(abort)
      detach()
      upstream?.terminate()
      release()
    }
    const abort = () => {
      abandon()
      socket.destroy()
    }
    upgrading.add(abort)
    onGone = abandon

    try {
      // The ticket's slot becomes the relay's, on a lease this replica renews.
      const kept = await store.acquireSlot(
        group,
        record.slot,
        limits.maxRelaysPerUser,
        RELAY_LEASE_MS,
      )
      if (released) return socket.destroy()
      if (!kept) {
        abandon()
        return reject(fail('rate_limited', 'Too many consoles are open. Close one first.'))
      }
      const source = sources[record.target.provider]
      const offered = [...new Set(parseProtocols(headers['sec-websocket-protocol']))]
      try {
        if (!source) throw new Error(`This replica has no ${record.target.provider} provider.`)
        upstream = new WebSocket(record.url, offered, {
          origin: record.origin,
          perMessageDeflate: false,
          handshakeTimeout: limits.upstreamTimeoutMs,
          ...(source.tls.ca !== undefined && { ca: source.tls.ca }),
          rejectUnauthorized: source.tls.rejectUnauthorized !== false,
        })
      } catch (error) {
        abandon()
        log('error', 'Console proxy link could not be opened.', {
          provider: record.target.provider,
          user: record.user,
          error,
        })
        return reject(fail('server', 'The console gateway could not open the console proxy link.'))
      }
      const link = upstream
      // Bytes the console sends at once (RFB's version string) wait here for the browser.
      const waiting: { data: RawData; isBinary: boolean }[] = []
      const keep = (data: RawData, isBinary: boolean) => waiting.push({ data, isBinary })
      link.on('message', keep)
      const opened = await new Promise<Reply | null>((resolve) => {
        link.once('open', () => resolve(null))
        link.once('unexpected-response', (_req, res) => {
          res.resume()
          resolve(
            fail(
              'server',
              `The ${record.target.provider === 'ecs' ? 'ECS' : 'CloudTower'} console proxy refused the connection (HTTP ${res.statusCode}).`,
            ),
          )
        })
        link.once('error', (error) => {
          if (!released) log('warn', 'Console proxy unreachable.', { error })
          resolve(fail('network', 'The console proxy could not be reached.'))
        })
      })
      link.on('error', () => {})
      if (opened || closing || released || socket.destroyed) {
        const browserLeft = released || socket.destroyed
        abandon()
        if (opened && !browserLeft)
          log('warn', 'Console websocket failed upstream.', {
            provider: record.target.provider,
            user: record.user,
          })
        return browserLeft
          ? socket.destroy()
          : reject(opened ?? fail('server', 'The console gateway is shutting down.'))
      }
      link.pause()
      chosenProtocol.set(request, link.protocol)
      detach()
      // Back to the state the HTTP server left the socket in, for ws to read from.
      socket.pause()
      ;(socket as Duplex & { readableFlowing: boolean | null }).readableFlowing = null
      const closedEarly = () => abandon()
      socket.once('close', closedEarly)
      wss.handleUpgrade(request, socket, Buffer.concat(early), (browser) => {
        link.off('message', keep)
        socket.off('close', closedEarly)
        upgrading.delete(abort)
        stats.totalRelays++
        const started: Relay = relayWebSockets(browser, link, {
          highWaterMark: limits.highWaterMark,
          idleTimeoutMs: limits.idleTimeoutMs,
          early: waiting,
          onBytes: (direction, bytes) => {
            if (direction === 'toUpstream') stats.bytesToUpstream += bytes
            else stats.bytesToBrowser += bytes
          },
          onEnd: (reason) => {
            relays.delete(started)
            release()
            log('info', `Console relay ended (${reason}).`, { user: record.user })
          },
        })
        relay = started
        relays.add(started)
      })
    } catch (error) {
      abandon()
      throw error
    }
  }

  return {
    handleRequest,
    fetch: fetchHandler,
    upgrade,
    stats,
    async close() {
      closing = true
      clearInterval(heartbeat)
      for (const timer of pendingHere.values()) clearTimeout(timer)
      pendingHere.clear()
      reservedHere = 0
      stats.pendingTickets = 0
      // Upgrades still connecting upstream, or handed to ws and not called back: end both sides.
      for (const abort of [...upgrading]) abort()
      for (const relay of relays) relay.close()
      // Relays end within their 2 s close grace; wait for them so stats settle before we resolve.
      const deadline = Date.now() + 2_500
      while (relays.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10))
      for (const client of wss.clients) client.terminate()
      wss.close()
      for (const source of Object.values(sources)) source.close()
      // Slots still held (relays that did not end in time) go back now, not when leases end.
      await Promise.allSettled(
        [...heldSlots.values()].map(({ group, slot }) => store.releaseSlot(group, slot)),
      )
      heldSlots.clear()
      if (!options.store) await store.close?.()
    },
  }
}

/** A ticket's record from the store, or undefined when it is not one of ours. */
function parseTicketRecord(raw: string): TicketRecord | undefined {
  try {
    const record = JSON.parse(raw) as Partial<TicketRecord>
    if (
      typeof record.url === 'string' &&
      typeof record.origin === 'string' &&
      typeof record.user === 'string' &&
      typeof record.slot === 'string' &&
      (record.target?.provider === 'cloudtower' || record.target?.provider === 'ecs')
    )
      return record as TicketRecord
  } catch {
    // Not JSON: not ours.
  }
  return undefined
}

/** The body a framework already parsed (Express, Fastify's copy), else the raw stream under limits. */
async function readFrameworkBody(
  request: IncomingMessage,
  timeoutMs: number,
): Promise<BodyRead | { ok: true; parsed: unknown }> {
  // A body parser (express.json(), or Fastify's once copied to `req.raw.body`) may have read it
  // already and left the result on `request.body`.
  const parsed = (request as { body?: unknown }).body
  if (typeof parsed === 'object' && parsed !== null && !Buffer.isBuffer(parsed))
    return { ok: true, parsed }
  if (typeof parsed === 'string') return { ok: true, text: parsed }
  if (Buffer.isBuffer(parsed)) return { ok: true, text: parsed.toString('utf8') }
  if (request.readableEnded) {
    // Reading again would find nothing and blame the browser for an empty body.
    throw new ConsoleError({
      kind: 'server',
      provider: 'vnc',
      message:
        'The console request body was already read by another handler. Pass the parsed body on as request.body.',
    })
  }
  return readNodeBody(request, MAX_BODY, timeoutMs)
}

function pathnameOf(url: string): string {
  const pathname = url.split('?')[0] ?? '/'
  return pathname.replace(/\/+$/, '') || '/'
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    throw new ConsoleError({
      kind: 'invalid_input',
      provider: 'vnc',
      message: 'The request body is not JSON.',
    })
  }
}

function write(response: ServerResponse, reply: Reply, cors: Record<string, string>) {
  if (response.headersSent || response.destroyed) return
  response.writeHead(reply.status, { ...NO_STORE, ...cors, ...reply.headers })
  response.end(JSON.stringify(reply.body))
}

function json(reply: Reply, cors: Record<string, string>): Response {
  return new Response(JSON.stringify(reply.body), {
    status: reply.status,
    headers: { ...NO_STORE, ...cors, ...reply.headers },
  })
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
}

// RFC 7230 token: header names and websocket subprotocols.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/
// Sec-WebSocket-Key: base64 of 16 bytes.
const WS_KEY = /^[+/0-9A-Za-z]{22}==$/
const MAX_REQUEST_HEADERS = 32

/** A comma-separated list of tokens (optional spaces around commas); null if any item is not one. */
function tokenList(value: string): string[] | null {
  const items = value.split(',').map((item) => item.replace(/^[ \t]+|[ \t]+$/g, ''))
  return items.every((item) => TOKEN.test(item)) ? items : null
}

function parseProtocols(header: string | undefined): string[] {
  return header === undefined ? [] : (tokenList(header) ?? [])
}

/** Why this websocket handshake is malformed (what ws would refuse with a 400), or null. */
function handshakeProblem(
  request: IncomingMessage,
): { message: string; headers?: Record<string, string> } | null {
  const { headers } = request
  if (request.method !== 'GET') return { message: 'A websocket handshake must be a GET.' }
  if (headers.upgrade?.toLowerCase() !== 'websocket')
    return { message: 'The Upgrade header must be websocket.' }
  const key = headers['sec-websocket-key']
  if (typeof key !== 'string' || !WS_KEY.test(key))
    return { message: 'Missing or invalid Sec-WebSocket-Key header.' }
  if (headers['sec-websocket-version'] !== '13') {
    return {
      message: 'Missing or unsupported Sec-WebSocket-Version header (13 is supported).',
      headers: { 'sec-websocket-version': '13' },
    }
  }
  const protocol = headers['sec-websocket-protocol']
  if (protocol !== undefined) {
    const protocols = tokenList(protocol)
    if (!protocols || new Set(protocols).size !== protocols.length)
      return {
        message: 'Invalid Sec-WebSocket-Protocol header (subprotocols must be unique tokens).',
      }
  }
  return null
}

/** What a CORS preflight may send: the header names it asks for, if they are names; content-type always. */
function allowedRequestHeaders(requested: string | undefined): string {
  const names = requested?.trim() ? tokenList(requested.toLowerCase()) : []
  if (!names || names.length > MAX_REQUEST_HEADERS) return 'content-type'
  return [...new Set(['content-type', ...names])].join(', ')
}

/** An upgrade refused the HTTP way (what browsers and noVNC see as a failed handshake). */
function refuse(socket: Duplex, reply: Reply) {
  if (socket.destroyed) return
  const text = JSON.stringify(reply.body)
  const extra = Object.entries(reply.headers ?? {})
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')
  socket.end(
    `HTTP/1.1 ${reply.status} ${REASONS[reply.status] ?? 'Error'}\r\nConnection: close\r\n` +
      `Cache-Control: no-store\r\nContent-Type: application/json; charset=utf-8\r\n${extra}` +
      `Content-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`,
  )
}
