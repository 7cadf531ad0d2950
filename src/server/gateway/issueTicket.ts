import { randomBytes, randomUUID } from 'node:crypto'
import { ConsoleError } from '../../core/errors/ConsoleError.js'
import { auditTarget } from '../audit/auditTarget.js'
import { auditUser } from '../audit/auditUser.js'
import { describeTarget as describe } from '../describeTarget.js'
import { grantedPowerActions } from '../grantedPowerActions.js'
import { parseConsoleTarget } from '../parseConsoleTarget.js'
import { parsePowerAction } from '../parsePowerAction.js'
import type { BodyRead } from './readWebBody.js'
import { toGatewayError, type GatewayError } from '../toGatewayError.js'
import type {
  ConsoleTarget,
  GatewayAction,
  GatewayConsoleTicket,
  GatewayRequest,
} from '../types.js'
import { answerPresence } from './answerPresence.js'
import { answerVmState } from './answerVmState.js'
import { guardEntry } from './guardEntry.js'
import type { GatewayRoute } from './gatewayRoute.js'
import { requestVmPower } from './requestVmPower.js'
import { slotGroup } from './slotGroup.js'
import { ticketKey } from './ticketKey.js'
import type { GatewayContext, Reply, TicketRecord } from './types.js'

// A slot outlives its ticket by this much, so a ticket redeemed at the last moment keeps it.
const TICKET_SLOT_GRACE_MS = 5_000

/**
 * The credential call (and, by `route`, the state and power calls), whatever the framework: checks the request and `authorize`, takes room on
 * this replica and a slot for the user, opens the cloud's console and stores a single-use ticket.
 * Whatever fails unexpectedly is logged and answered as the error it is.
 */
export async function issueTicket(
  ctx: GatewayContext,
  request: GatewayRequest,
  scheme: 'http:' | 'https:',
  readBody: () => Promise<BodyRead | { ok: true; parsed: unknown }>,
  signal: AbortSignal,
  route: GatewayRoute = 'console',
): Promise<Reply> {
  const seen: Seen = {}
  let reply: Reply
  try {
    reply = await issue(ctx, request, scheme, readBody, signal, route, seen)
  } catch (error) {
    ctx.log('error', 'Console request failed.', { error })
    reply = toGatewayError(error)
  }
  const error = (reply.body as Partial<GatewayError['body']> | undefined)?.error
  if (reply.status >= 400 && error && !reply.flood && !seen.handedOver) {
    ctx.audit({
      type: 'console.refused',
      stage: 'request',
      ...(seen.user !== undefined && { user: auditUser(seen.user) }),
      ...(seen.target && auditTarget(seen.target)),
      ...(request.remoteAddress !== undefined && { address: request.remoteAddress }),
      ...(seen.action !== undefined && { action: seen.action }),
      status: reply.status,
      kind: error.kind,
      reason: error.message,
      ...(error.code !== undefined && { code: error.code }),
    })
  }
  return reply
}

/** What the request turned out to be, as far as it got: for the refusal's audit event. */
interface Seen {
  target?: ConsoleTarget
  action?: GatewayAction
  user?: string
  /** A state read or power action under way: its own events (or none, for a read) tell the rest. */
  handedOver?: boolean
}

async function issue(
  ctx: GatewayContext,
  request: GatewayRequest,
  scheme: 'http:' | 'https:',
  readBody: () => Promise<BodyRead | { ok: true; parsed: unknown }>,
  signal: AbortSignal,
  route: GatewayRoute,
  seen: Seen,
): Promise<Reply> {
  const { options, path, limits, sources, store, log, stats, fail, room, slots } = ctx
  const address = request.remoteAddress
  const { origin, host } = request.headers
  const refused = guardEntry(ctx, { address, origin, host, scheme })
  if (refused) return refused
  const refuse = (reply: Reply) => ctx.refusals.refused(address, reply)
  if (request.method !== 'POST')
    return refuse(fail('invalid_input', `Ask for a console with POST ${path}.`))
  // JSON only: a cross-site form cannot send it without a CORS preflight that we do not grant.
  if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
    return refuse(
      fail('invalid_input', 'Send the request as JSON (content-type: application/json).'),
    )
  }
  let target: ConsoleTarget
  let action: GatewayAction = route === 'power' ? 'start' : route === 'presence' ? 'console' : route
  try {
    const body = await readBody()
    if (!body.ok) return refuse(bodyProblem(ctx, body.problem))
    const parsed = 'parsed' in body ? body.parsed : parseJson(body.text)
    target = parseConsoleTarget(parsed)
    seen.target = target
    if (route === 'power') action = parsePowerAction(parsed)
    seen.action = action
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
    allowed = await options.authorize(request, target, { action })
  } catch (error) {
    log('error', 'authorize() threw; the console was refused.', { error })
    return fail('server', 'The portal could not check your access to this console.')
  }
  if (
    allowed !== true &&
    (typeof allowed !== 'object' || allowed === null || typeof allowed.user !== 'string')
  ) {
    if (route === 'power') return refuse(powerRefused(ctx, target, action, address))
    return refuse(
      fail(
        'forbidden',
        route === 'state' ? 'You may not see this VM.' : 'You may not open this console.',
      ),
    )
  }
  const user = allowed === true ? `address:${address ?? 'unknown'}` : `user:${allowed.user}`
  seen.user = user
  const actions = grantedPowerActions(allowed)
  const mode = allowed !== true && allowed.mode === 'observe' ? 'observe' : 'control'
  const exclusive = allowed !== true && allowed.exclusive === true
  if (ctx.closing) return fail('server', 'The console gateway is shutting down.')
  if (route === 'state') {
    seen.handedOver = true
    return answerVmState(ctx, source, target, user, address, actions, signal)
  }
  if (route === 'presence') return answerPresence(ctx, target, user)
  if (route === 'power') {
    if (action === 'console' || action === 'state' || !actions.includes(action)) {
      return refuse(powerRefused(ctx, target, action, address, user))
    }
    seen.handedOver = true
    return requestVmPower(ctx, source, target, action, user, address, signal)
  }

  // Room on this replica is reserved before the first await, so parallel requests cannot
  // overshoot it; the user's slot is taken atomically in the store. Both are given back on
  // every way out that does not end in a ticket.
  if (!room.hasRoom()) {
    return fail(
      'rate_limited',
      'The console gateway has no room for another console. Try again later.',
    )
  }
  room.reserve()
  const group = slotGroup(user)
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
    try {
      slotTaken = await store.acquireSlot(
        group,
        slot,
        limits.maxRelaysPerUser,
        limits.ticketTtlMs + TICKET_SLOT_GRACE_MS,
      )
    } catch (error) {
      // The store missed its deadline: it may still take the slot later. Give it back then too.
      slots.release(group, slot)
      throw error
    }
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
      const answer = toGatewayError(error, ctx.secrets())
      const level = answer.status >= 500 ? 'error' : 'warn'
      log(level, `No console for ${describe(target)}.`, { user, address, error })
      return answer
    }
    if (ctx.closing) return fail('server', 'The console gateway is shutting down.')
    const ticket = randomBytes(32).toString('base64url')
    const key = ticketKey(ticket)
    const sessionId = randomUUID()
    const record: TicketRecord = {
      url: upstream.url,
      origin: upstream.origin,
      user,
      target,
      slot,
      sessionId,
      mode,
      exclusive,
    }
    await store.putTicket(key, JSON.stringify(record), limits.ticketTtlMs)
    issued = true
    room.keepForTicket(key, limits.ticketTtlMs)
    stats.issuedTickets++
    log('info', `Console ticket issued for ${describe(target)}.`, { user, address })
    ctx.audit({
      type: 'console.granted',
      user: auditUser(user),
      ...auditTarget(target),
      ...(address !== undefined && { address }),
      sessionId,
      mode,
      exclusive,
      actions,
    })
    const body: GatewayConsoleTicket = {
      url: `${path}?ticket=${ticket}`,
      expiresInMs: limits.ticketTtlMs,
      actions,
      mode,
    }
    return { status: 200, body }
  } finally {
    if (!issued) {
      room.unreserve()
      if (slotTaken) slots.release(group, slot)
    }
  }
}

function powerRefused(
  ctx: GatewayContext,
  target: ConsoleTarget,
  action: GatewayAction,
  address: string | undefined,
  user?: string,
): Reply {
  ctx.log('warn', `Power action ${action} on ${describe(target)} refused by authorize.`, {
    user,
    address,
    action,
  })
  return toGatewayError(
    new ConsoleError({
      kind: 'forbidden',
      provider: 'vnc',
      code: 'power_not_allowed',
      message: `You may not ${action === 'forceRestart' ? 'force-restart' : action === 'poweroff' ? 'power off' : action === 'shutdown' ? 'shut down' : action} this VM.`,
    }),
  )
}

function bodyProblem(ctx: GatewayContext, problem: 'too_large' | 'timeout'): Reply {
  // The rest of the body is never read: the connection closes after this answer.
  const reply =
    problem === 'too_large'
      ? ctx.fail(
          'invalid_input',
          `The request is too large (at most ${ctx.maxBodyBytes / 1024} KiB).`,
        )
      : ctx.fail('timeout', 'The request body did not arrive in time.')
  return {
    ...reply,
    status: problem === 'too_large' ? 413 : 408,
    headers: { connection: 'close' },
  }
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
