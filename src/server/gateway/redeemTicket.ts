import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { isOriginAllowed } from '../isOriginAllowed.js'
import { relayWebSockets, type Relay } from '../relayWebSockets.js'
import { connectUpstream } from './connectUpstream.js'
import { handshakeProblem } from './handshakeProblem.js'
import { nodeHeaders } from './nodeHeaders.js'
import { nodeScheme } from './nodeScheme.js'
import { parseProtocols } from './parseProtocols.js'
import { parseTicketRecord } from './parseTicketRecord.js'
import { refuseUpgrade } from './refuseUpgrade.js'
import { slotGroup } from './slotGroup.js'
import { ticketKey } from './ticketKey.js'
import type { GatewayContext, Reply, UpstreamLink } from './types.js'

// What a client may send before its 101 (browsers send nothing).
const MAX_EARLY_BYTES = 64 * 1024

/**
 * The websocket `{path}?ticket=…`: checks the handshake, spends the ticket, turns its slot into the
 * relay's, opens the console proxy and relays the two sockets.
 */
export async function redeemTicket(
  ctx: GatewayContext,
  request: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  url: URL,
) {
  const { options, limits, store, log, stats, fail, room, slots, refusals } = ctx
  const headers = nodeHeaders(request)
  const address = ctx.clientAddress(request)
  const reject = (reply: Reply) => {
    stats.rejectedUpgrades++
    refuseUpgrade(socket, reply)
  }
  if (ctx.closing) return reject(fail('server', 'The console gateway is shutting down.'))
  const blocked = refusals.tooManyRefusals(address)
  if (blocked) return reject(blocked)
  // A handshake the websocket server would refuse is refused here, before the ticket is spent
  // or a slot taken: ws answers it with a 400 and never hands the socket over.
  const malformed = handshakeProblem(request)
  if (malformed) {
    log('warn', 'Console websocket refused: malformed handshake.', {
      problem: malformed.message,
    })
    return reject(
      refusals.refused(address, fail('invalid_input', malformed.message, malformed.headers)),
    )
  }
  if (
    !isOriginAllowed(
      headers.origin,
      headers.host,
      options.allowedOrigins,
      nodeScheme(request, headers),
    )
  ) {
    log('warn', 'Console websocket refused: origin not allowed.', {
      origin: headers.origin,
      address,
    })
    return reject(
      refusals.refused(
        address,
        fail('forbidden', 'This page may not open console websockets (its origin is not allowed).'),
      ),
    )
  }

  // From here on the browser may leave while we wait (store, console proxy). Its FIN raises
  // `end` on an upgrade socket (HTTP sockets allow half-open), not `close`; reading the socket
  // is what lets us see it. Browsers send nothing before the 101, but any byte read is kept and
  // handed to the websocket with `head`.
  const early: Buffer[] = head.length > 0 ? [head] : []
  let earlyBytes = head.length
  let gone = false
  let onGone = () => {
    gone = true
  }
  const left = () => onGone()
  const keepEarly = (chunk: Buffer) => {
    early.push(chunk)
    earlyBytes += chunk.length
    // No browser talks before the 101; a client that streams here is cut off, not buffered.
    if (earlyBytes > MAX_EARLY_BYTES) socket.destroy()
  }
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
  if (key !== undefined) room.settle(key)
  if (!record) {
    detach()
    return reject(
      refusals.refused(
        address,
        fail('forbidden', 'The console ticket is unknown, used or expired. Ask for a new console.'),
      ),
    )
  }
  const group = slotGroup(record.user)
  if (stats.activeRelays >= limits.maxRelays || ctx.closing || gone) {
    detach()
    slots.release(group, record.slot)
    if (gone) return socket.destroy()
    return reject(
      ctx.closing
        ? fail('server', 'The console gateway is shutting down.')
        : fail('rate_limited', 'Too many consoles are open. Close one first.'),
    )
  }
  // Count the relay from now on, so parallel upgrades cannot overshoot the limits. Until the
  // relay exists, `abandon` gives the slot back and ends the upstream link, on every way out:
  // a failure here, the browser leaving (also when ws refuses the handshake without calling
  // back), or close().
  stats.activeRelays++
  slots.hold(group, record.slot)
  let released = false
  const release = () => {
    if (released) return
    released = true
    stats.activeRelays--
    slots.release(group, record.slot)
  }
  let upstream: UpstreamLink | undefined
  let relay: Relay | undefined
  const abandon = () => {
    if (relay) return
    ctx.upgrading.delete(abort)
    detach()
    upstream?.socket.terminate()
    release()
  }
  const abort = () => {
    abandon()
    socket.destroy()
  }
  ctx.upgrading.add(abort)
  onGone = abandon

  try {
    // The ticket's slot becomes the relay's, on a lease this replica renews.
    const kept = await slots.lease(group, record.slot, limits.maxRelaysPerUser)
    if (released) return socket.destroy()
    if (!kept) {
      abandon()
      return reject(fail('rate_limited', 'Too many consoles are open. Close one first.'))
    }
    const offered = [...new Set(parseProtocols(headers['sec-websocket-protocol']))]
    try {
      upstream = connectUpstream(ctx, record, offered, () => released)
    } catch (error) {
      abandon()
      log('error', 'Console proxy link could not be opened.', {
        provider: record.target.provider,
        user: record.user,
        error,
      })
      return reject(fail('server', 'The console gateway could not open the console proxy link.'))
    }
    const link = upstream.socket
    const opened = await upstream.opened
    if (opened || ctx.closing || released || socket.destroyed) {
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
    ctx.chosenProtocol.set(request, link.protocol)
    detach()
    // Back to the state the HTTP server left the socket in, for ws to read from.
    socket.pause()
    ;(socket as Duplex & { readableFlowing: boolean | null }).readableFlowing = null
    const closedEarly = () => abandon()
    socket.once('close', closedEarly)
    const { waiting, stopKeeping } = upstream
    ctx.wss.handleUpgrade(request, socket, Buffer.concat(early), (browser) => {
      stopKeeping()
      socket.off('close', closedEarly)
      ctx.upgrading.delete(abort)
      stats.totalRelays++
      const { target } = record
      const session = ctx.sessions.open({
        sessionId: randomUUID(),
        user: record.user,
        provider: target.provider,
        vmId: target.provider === 'cloudtower' ? target.vmId : target.serverId,
        mode: 'control',
        replica: ctx.replica,
        startedAt: new Date().toISOString(),
      })
      const started: Relay = relayWebSockets(browser, link, {
        highWaterMark: limits.highWaterMark,
        idleTimeoutMs: limits.idleTimeoutMs,
        heartbeatMs: limits.heartbeatMs,
        early: waiting,
        onBytes: (direction, bytes) => {
          if (direction === 'toUpstream') stats.bytesToUpstream += bytes
          else stats.bytesToBrowser += bytes
        },
        onEnd: (reason) => {
          ctx.relays.delete(started)
          session.end()
          release()
          log('info', `Console relay ended (${reason}).`, { user: record.user })
        },
      })
      relay = started
      ctx.relays.add(started)
    })
  } catch (error) {
    abandon()
    throw error
  }
}
