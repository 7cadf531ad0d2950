import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { auditTarget } from '../audit/auditTarget.js'
import { auditUser } from '../audit/auditUser.js'
import type { GatewayError } from '../toGatewayError.js'
import { connectUpstream } from './connectUpstream.js'
import { createRelaySlot } from './createRelaySlot.js'
import { guardEntry } from './guardEntry.js'
import { keepEarlyBytes } from './keepEarlyBytes.js'
import { nodeHeaders } from './nodeHeaders.js'
import { nodeScheme } from './nodeScheme.js'
import { parseProtocols } from './parseProtocols.js'
import { parseTicketRecord } from './parseTicketRecord.js'
import { refuseUpgrade } from './refuseUpgrade.js'
import { slotGroup } from './slotGroup.js'
import { startConsoleSession } from './startConsoleSession.js'
import { ticketKey } from './ticketKey.js'
import type { GatewayContext, Reply, TicketRecord, UpstreamLink } from './types.js'

/**
 * The websocket `{path}?ticket=…`, in steps: the shared guard; the socket watched while we wait;
 * the ticket spent; a relay slot taken on this replica and leased for the user; the console proxy
 * opened; the socket handed to ws and the session started.
 */
export async function redeemTicket(
  ctx: GatewayContext,
  request: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  url: URL,
) {
  const { limits, log, stats, fail } = ctx
  const headers = nodeHeaders(request)
  const address = ctx.clientAddress(request)
  const reject = (reply: Reply, record?: TicketRecord) => {
    stats.rejectedUpgrades++
    refuseUpgrade(socket, reply)
    if (!reply.flood) auditRefusal(ctx, reply, address, record)
  }
  const refused = guardEntry(ctx, {
    address,
    origin: headers.origin,
    host: headers.host,
    scheme: nodeScheme(request, headers),
    upgrade: request,
  })
  if (refused) return reject(refused)

  // From here on the browser may leave while we wait (store, console proxy).
  const early = keepEarlyBytes(socket, head)
  const record = await spendTicket(ctx, url)
  if (!record) {
    early.detach()
    return reject(
      ctx.refusals.refused(
        address,
        fail('forbidden', 'The console ticket is unknown, used or expired. Ask for a new console.'),
      ),
    )
  }
  if (stats.activeRelays >= limits.maxRelays || ctx.closing || early.gone) {
    early.detach()
    ctx.slots.release(slotGroup(record.user), record.slot)
    if (early.gone) return socket.destroy()
    return reject(
      ctx.closing
        ? fail('server', 'The console gateway is shutting down.')
        : fail('rate_limited', 'Too many consoles are open. Close one first.'),
      record,
    )
  }
  const slot = createRelaySlot(ctx, record, socket, () => early.detach())
  early.onGone(() => slot.abandon())

  try {
    const kept = await slot.lease()
    if (slot.released) return socket.destroy()
    if (!kept) {
      slot.abandon()
      return reject(fail('rate_limited', 'Too many consoles are open. Close one first.'), record)
    }
    const offered = [...new Set(parseProtocols(headers['sec-websocket-protocol']))]
    let upstream: UpstreamLink
    try {
      upstream = connectUpstream(ctx, record, offered, () => slot.released)
    } catch (error) {
      slot.abandon()
      log('error', 'Console proxy link could not be opened.', {
        provider: record.target.provider,
        user: record.user,
        error,
      })
      return reject(
        fail('server', 'The console gateway could not open the console proxy link.'),
        record,
      )
    }
    const link = upstream.socket
    slot.link(link)
    const opened = await upstream.opened
    if (opened || ctx.closing || slot.released || socket.destroyed) {
      const browserLeft = slot.released || socket.destroyed
      slot.abandon()
      if (opened && !browserLeft)
        log('warn', 'Console websocket failed upstream.', {
          provider: record.target.provider,
          user: record.user,
        })
      return browserLeft
        ? socket.destroy()
        : reject(opened ?? fail('server', 'The console gateway is shutting down.'), record)
    }
    link.pause()
    ctx.chosenProtocol.set(request, link.protocol)
    early.detach()
    // Back to the state the HTTP server left the socket in, for ws to read from.
    socket.pause()
    ;(socket as Duplex & { readableFlowing: boolean | null }).readableFlowing = null
    const closedEarly = () => slot.abandon()
    socket.once('close', closedEarly)
    const { waiting, stopKeeping } = upstream
    ctx.wss.handleUpgrade(request, socket, early.bytes(), (browser) => {
      stopKeeping()
      socket.off('close', closedEarly)
      startConsoleSession(ctx, { record, address, browser, link, early: waiting, slot })
    })
  } catch (error) {
    slot.abandon()
    throw error
  }
}

/** A websocket refused (before any 101), with what its ticket told, if it was one. */
function auditRefusal(
  ctx: GatewayContext,
  reply: Reply,
  address: string | undefined,
  record: TicketRecord | undefined,
) {
  const error = (reply.body as Partial<GatewayError['body']> | undefined)?.error
  if (!error) return
  ctx.audit({
    type: 'console.refused',
    stage: 'websocket',
    ...(record && {
      user: auditUser(record.user),
      ...auditTarget(record.target),
      sessionId: record.sessionId,
    }),
    ...(address !== undefined && { address }),
    action: 'console',
    status: reply.status,
    kind: error.kind,
    reason: error.message,
    ...(error.code !== undefined && { code: error.code }),
  })
}

/** The ticket in the URL, spent (single use across replicas), and its record; its room goes back. */
async function spendTicket(ctx: GatewayContext, url: URL): Promise<TicketRecord | undefined> {
  const ticket = url.searchParams.get('ticket') ?? ''
  if (!/^[\w-]{43}$/.test(ticket)) return undefined
  const key = ticketKey(ticket)
  const raw = await ctx.store.takeTicket(key)
  ctx.room.settle(key)
  return raw === undefined ? undefined : parseTicketRecord(raw)
}
