import { randomBytes } from 'node:crypto'
import { ConsoleError } from '../../core/errors/ConsoleError.js'
import { isOriginAllowed } from '../isOriginAllowed.js'
import { describeTarget as describe } from '../describeTarget.js'
import { grantedPowerActions } from '../grantedPowerActions.js'
import { parseConsoleTarget } from '../parseConsoleTarget.js'
import { parsePowerAction } from '../parsePowerAction.js'
import type { BodyRead } from './readWebBody.js'
import { toGatewayError } from '../toGatewayError.js'
import type {
  ConsoleTarget,
  GatewayAction,
  GatewayConsoleTicket,
  GatewayRequest,
} from '../types.js'
import { answerPresence } from './answerPresence.js'
import { answerVmState } from './answerVmState.js'
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
export async function issueTicket(...args: Parameters<typeof issue>): Promise<Reply> {
  try {
    return await issue(...args)
  } catch (error) {
    args[0].log('error', 'Console request failed.', { error })
    return toGatewayError(error)
  }
}

async function issue(
  ctx: GatewayContext,
  request: GatewayRequest,
  scheme: 'http:' | 'https:',
  readBody: () => Promise<BodyRead | { ok: true; parsed: unknown }>,
  signal: AbortSignal,
  route: GatewayRoute = 'console',
): Promise<Reply> {
  const { options, path, limits, sources, store, log, stats, fail, room, slots } = ctx
  if (ctx.closing) return fail('server', 'The console gateway is shutting down.')
  const address = request.remoteAddress
  const blocked = ctx.refusals.tooManyRefusals(address)
  if (blocked) return blocked
  const refuse = (reply: Reply) => ctx.refusals.refused(address, reply)
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
  let action: GatewayAction = route === 'power' ? 'start' : route === 'presence' ? 'console' : route
  try {
    const body = await readBody()
    if (!body.ok) return refuse(bodyProblem(ctx, body.problem))
    const parsed = 'parsed' in body ? body.parsed : parseJson(body.text)
    target = parseConsoleTarget(parsed)
    if (route === 'power') action = parsePowerAction(parsed)
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
  const actions = grantedPowerActions(allowed)
  if (ctx.closing) return fail('server', 'The console gateway is shutting down.')
  if (route === 'state') {
    return answerVmState(ctx, source, target, user, address, actions, signal)
  }
  if (route === 'presence') return answerPresence(ctx, target, user)
  if (route === 'power') {
    if (action === 'console' || action === 'state' || !actions.includes(action)) {
      return refuse(powerRefused(ctx, target, action, address, user))
    }
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
    const record: TicketRecord = {
      url: upstream.url,
      origin: upstream.origin,
      user,
      target,
      slot,
    }
    await store.putTicket(key, JSON.stringify(record), limits.ticketTtlMs)
    issued = true
    room.keepForTicket(key, limits.ticketTtlMs)
    stats.issuedTickets++
    log('info', `Console ticket issued for ${describe(target)}.`, { user, address })
    const body: GatewayConsoleTicket = {
      url: `${path}?ticket=${ticket}`,
      expiresInMs: limits.ticketTtlMs,
      actions,
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
