import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { toGatewayError } from '../toGatewayError.js'
import { redeemTicket } from './redeemTicket.js'
import { refuseUpgrade } from './refuseUpgrade.js'
import type { GatewayContext } from './types.js'

/** `gateway.upgrade`: takes the upgrades for `{path}` and redeems their ticket; leaves the rest. */
export function handleUpgrade(
  ctx: GatewayContext,
  request: IncomingMessage,
  socket: Duplex,
  head: Buffer,
): boolean {
  let url: URL
  try {
    url = new URL(request.url ?? '/', 'http://gateway.invalid')
  } catch {
    // Node's parser lets request targets through that URL refuses (`GET http://[`): not ours,
    // and a throw here would escape the server's upgrade listener and end the process.
    return false
  }
  if (url.pathname.replace(/\/+$/, '') !== ctx.path) return false
  socket.on('error', () => {})
  redeemTicket(ctx, request, socket, head, url).catch((error: unknown) => {
    // A store that did not answer in time is a 503 (with Retry-After), before any 101.
    ctx.log('error', 'Console upgrade failed.', { error })
    ctx.stats.rejectedUpgrades++
    const reply = toGatewayError(error)
    refuseUpgrade(socket, reply)
    const address = ctx.clientAddress(request)
    ctx.audit({
      type: 'console.refused',
      stage: 'websocket',
      ...(address !== undefined && { address }),
      action: 'console',
      status: reply.status,
      kind: reply.body.error.kind,
      reason: reply.body.error.message,
      ...(reply.body.error.code !== undefined && { code: reply.body.error.code }),
    })
  })
  return true
}
