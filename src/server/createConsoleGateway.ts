import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocket, WebSocketServer, type RawData } from 'ws'
import { ConsoleError, type ConsoleErrorKind } from '../core/ConsoleError.js'
import { createCloudTowerSource } from './createCloudTowerSource.js'
import { createEcsSource } from './createEcsSource.js'
import { createRateLimiter } from './createRateLimiter.js'
import { createTicketStore } from './createTicketStore.js'
import { isOriginAllowed } from './isOriginAllowed.js'
import { parseConsoleTarget } from './parseConsoleTarget.js'
import { redactForLog } from './redactForLog.js'
import { relayWebSockets, type Relay } from './relayWebSockets.js'
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
import type { ConsoleSource, UpstreamConsole } from './UpstreamConsole.js'

interface Reply {
  status: number
  body: unknown
  headers?: Record<string, string>
}

interface TicketValue extends UpstreamConsole {
  user: string
  target: ConsoleTarget
}

const MAX_TICKET_TTL = 30_000
const MAX_BODY = 16 * 1024
const NO_STORE = { 'cache-control': 'no-store', 'content-type': 'application/json; charset=utf-8' }

const defaultLogger: GatewayLogger = {
  error: (message, details) => console.warn(`[react-vm-console/server] ${message}`, details ?? ''),
}

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
    bytesToUpstream: 0,
    bytesToBrowser: 0,
  }
  const pendingByUser = new Map<string, number>()
  const activeByUser = new Map<string, number>()
  const bump = (map: Map<string, number>, user: string, by: number) => {
    const next = (map.get(user) ?? 0) + by
    if (next <= 0) map.delete(user)
    else map.set(user, next)
  }
  const tickets = createTicketStore<TicketValue>(limits.ticketTtlMs, (value) => {
    bump(pendingByUser, value.user, -1)
    stats.pendingTickets = tickets.size
  })
  const perUser = createRateLimiter(limits.requestsPerMinutePerUser)
  const overall = createRateLimiter(limits.requestsPerMinute)
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

  /** The credential call, whatever the framework. */
  async function serve(
    request: GatewayRequest,
    readBody: () => Promise<unknown>,
    signal: AbortSignal,
  ): Promise<Reply> {
    if (closing) return fail('server', 'The console gateway is shutting down.')
    const origin = request.headers.origin
    if (!isOriginAllowed(origin, request.headers.host, options.allowedOrigins)) {
      return fail(
        'forbidden',
        'This page may not use the console gateway (its origin is not allowed).',
      )
    }
    if (request.method !== 'POST')
      return fail('invalid_input', `Ask for a console with POST ${path}.`)
    // JSON only: a cross-site form cannot send it without a CORS preflight that we do not grant.
    if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
      return fail('invalid_input', 'Send the request as JSON (content-type: application/json).')
    }
    let target: ConsoleTarget
    try {
      target = parseConsoleTarget(await readBody())
    } catch (error) {
      if (!ConsoleError.is(error) || error.kind !== 'invalid_input')
        log('error', 'Reading the console request failed.', { error })
      return toGatewayError(error)
    }
    const source = sources[target.provider]
    if (!source)
      return fail(
        'not_found',
        `This console gateway has no ${target.provider === 'ecs' ? 'ECS' : 'CloudTower'} provider.`,
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
      return fail('forbidden', 'You may not open this console.')
    }
    const user =
      allowed === true ? `address:${request.remoteAddress ?? 'unknown'}` : `user:${allowed.user}`

    if (!overall.take('*')) {
      const seconds = Math.ceil(overall.retryAfterMs('*') / 1000)
      return fail('rate_limited', 'The console gateway is busy. Try again in a moment.', {
        'retry-after': String(seconds),
      })
    }
    if (!perUser.take(user)) {
      const seconds = Math.ceil(perUser.retryAfterMs(user) / 1000)
      return fail('rate_limited', `Too many console requests. Try again in ${seconds} s.`, {
        'retry-after': String(seconds),
      })
    }
    if ((activeByUser.get(user) ?? 0) + (pendingByUser.get(user) ?? 0) >= limits.maxRelaysPerUser) {
      return fail(
        'rate_limited',
        `You have ${limits.maxRelaysPerUser} consoles open; close one first.`,
      )
    }
    if (stats.activeRelays + tickets.size >= limits.maxRelays) {
      return fail(
        'rate_limited',
        'The console gateway has no room for another console. Try again later.',
      )
    }

    const id = target.provider === 'cloudtower' ? target.vmId : target.serverId
    let upstream: UpstreamConsole
    try {
      upstream = await source.open(id, signal)
    } catch (error) {
      const answer = toGatewayError(error, secrets())
      const level = answer.status >= 500 ? 'error' : 'warn'
      log(level, `No console for ${target.provider} ${id}.`, { user, error })
      return answer
    }
    if (closing) return fail('server', 'The console gateway is shutting down.')
    const ticket = tickets.issue({ ...upstream, user, target })
    bump(pendingByUser, user, 1)
    stats.issuedTickets++
    stats.pendingTickets = tickets.size
    log('info', `Console ticket issued for ${target.provider} ${id}.`, { user })
    const body: GatewayConsoleTicket = {
      url: `${path}?ticket=${ticket}`,
      expiresInMs: limits.ticketTtlMs,
    }
    return { status: 200, body }
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
      reply = await serve(gatewayRequest, () => readNodeBody(request), controller.signal)
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
    const readBody = async () => {
      const text = await request.text()
      if (text.length > MAX_BODY)
        throw new ConsoleError({
          kind: 'invalid_input',
          provider: 'vnc',
          message: 'The request is too large.',
        })
      return parseJson(text)
    }
    let reply: Reply
    try {
      reply = await serve(gatewayRequest, readBody, request.signal)
    } catch (error) {
      log('error', 'Console request failed.', { error })
      reply = toGatewayError(error)
    }
    return json(reply, cors)
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
    const reject = (reply: Reply) => {
      stats.rejectedUpgrades++
      refuse(socket, reply)
    }
    if (closing) return reject(fail('server', 'The console gateway is shutting down.'))
    // A handshake the websocket server would refuse is refused here, before the ticket is spent
    // or a slot taken: ws answers it with a 400 and never hands the socket over.
    const malformed = handshakeProblem(request)
    if (malformed) {
      log('warn', 'Console websocket refused: malformed handshake.', {
        problem: malformed.message,
      })
      return reject(fail('invalid_input', malformed.message, malformed.headers))
    }
    if (!isOriginAllowed(headers.origin, headers.host, options.allowedOrigins)) {
      log('warn', 'Console websocket refused: origin not allowed.', { origin: headers.origin })
      return reject(
        fail('forbidden', 'This page may not open console websockets (its origin is not allowed).'),
      )
    }
    const entry = tickets.redeem(url.searchParams.get('ticket') ?? '')
    if (!entry) {
      return reject(
        fail('forbidden', 'The console ticket is unknown, used or expired. Ask for a new console.'),
      )
    }
    bump(pendingByUser, entry.user, -1)
    stats.pendingTickets = tickets.size
    if (
      stats.activeRelays >= limits.maxRelays ||
      (activeByUser.get(entry.user) ?? 0) >= limits.maxRelaysPerUser
    ) {
      return reject(fail('rate_limited', 'Too many consoles are open. Close one first.'))
    }
    // Count the relay from now on, so parallel upgrades cannot overshoot the limits. Until the
    // relay exists, `abandon` gives the slot back and ends the upstream link, on every way out:
    // a failure here, the browser's socket closing (also when ws refuses the handshake without
    // calling back), or close().
    stats.activeRelays++
    bump(activeByUser, entry.user, 1)
    let released = false
    const release = () => {
      if (released) return
      released = true
      stats.activeRelays--
      bump(activeByUser, entry.user, -1)
    }
    let upstream: WebSocket | undefined
    let relay: Relay | undefined
    const abandon = () => {
      if (relay) return
      upgrading.delete(abort)
      socket.off('close', abandon)
      upstream?.terminate()
      release()
    }
    const abort = () => {
      abandon()
      socket.destroy()
    }
    upgrading.add(abort)
    socket.once('close', abandon)

    try {
      const offered = [...new Set(parseProtocols(headers['sec-websocket-protocol']))]
      try {
        upstream = new WebSocket(entry.url, offered, {
          origin: entry.origin,
          perMessageDeflate: false,
          handshakeTimeout: limits.upstreamTimeoutMs,
          ...(entry.tls.ca !== undefined && { ca: entry.tls.ca }),
          rejectUnauthorized: entry.tls.rejectUnauthorized !== false,
        })
      } catch (error) {
        abandon()
        log('error', 'Console proxy link could not be opened.', {
          provider: entry.target.provider,
          user: entry.user,
          error,
        })
        return reject(fail('server', 'The console gateway could not open the console proxy link.'))
      }
      const link = upstream
      // Bytes the console sends at once (RFB's version string) wait here for the browser.
      const early: { data: RawData; isBinary: boolean }[] = []
      const keep = (data: RawData, isBinary: boolean) => early.push({ data, isBinary })
      link.on('message', keep)
      const opened = await new Promise<Reply | null>((resolve) => {
        link.once('open', () => resolve(null))
        link.once('unexpected-response', (_req, res) => {
          res.resume()
          resolve(
            fail(
              'server',
              `The ${entry.target.provider === 'ecs' ? 'ECS' : 'CloudTower'} console proxy refused the connection (HTTP ${res.statusCode}).`,
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
        abandon()
        if (opened && !socket.destroyed)
          log('warn', 'Console websocket failed upstream.', {
            provider: entry.target.provider,
            user: entry.user,
          })
        return socket.destroyed
          ? undefined
          : reject(opened ?? fail('server', 'The console gateway is shutting down.'))
      }
      link.pause()
      chosenProtocol.set(request, link.protocol)
      wss.handleUpgrade(request, socket, head, (browser) => {
        link.off('message', keep)
        socket.off('close', abandon)
        upgrading.delete(abort)
        stats.totalRelays++
        const started: Relay = relayWebSockets(browser, link, {
          highWaterMark: limits.highWaterMark,
          idleTimeoutMs: limits.idleTimeoutMs,
          early,
          onBytes: (direction, bytes) => {
            if (direction === 'toUpstream') stats.bytesToUpstream += bytes
            else stats.bytesToBrowser += bytes
          },
          onEnd: (reason) => {
            relays.delete(started)
            release()
            log('info', `Console relay ended (${reason}).`, { user: entry.user })
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
      tickets.clear()
      pendingByUser.clear()
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
    },
  }
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

async function readNodeBody(request: IncomingMessage): Promise<unknown> {
  // A body parser (express.json(), or Fastify's once copied to `req.raw.body`) may have read it
  // already and left the result on `request.body`.
  const parsed = (request as { body?: unknown }).body
  if (
    parsed !== undefined &&
    typeof parsed === 'object' &&
    parsed !== null &&
    !Buffer.isBuffer(parsed)
  )
    return parsed
  if (typeof parsed === 'string') return parseJson(parsed)
  if (Buffer.isBuffer(parsed)) return parseJson(parsed.toString('utf8'))
  if (request.readableEnded) {
    // Reading again would find nothing and blame the browser for an empty body.
    throw new ConsoleError({
      kind: 'server',
      provider: 'vnc',
      message:
        'The console request body was already read by another handler. Pass the parsed body on as request.body.',
    })
  }
  let size = 0
  const chunks: Buffer[] = []
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_BODY)
      throw new ConsoleError({
        kind: 'invalid_input',
        provider: 'vnc',
        message: 'The request is too large.',
      })
    chunks.push(chunk)
  }
  return parseJson(Buffer.concat(chunks).toString('utf8'))
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
