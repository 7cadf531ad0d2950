import { WebSocket, type ClientOptions, type RawData } from 'ws'
import { CLOSE_GRACE_MS } from '../CLOSE_GRACE_MS.js'
import type { GatewayContext, Reply, TicketRecord, UpstreamLink } from './types.js'

/**
 * Opens the ticket's upstream websocket with the subprotocols the browser offered. Throws when it
 * cannot even be started (no provider for the ticket on this replica, a bad URL).
 */
export function connectUpstream(
  ctx: GatewayContext,
  record: TicketRecord,
  offered: string[],
  browserLeft: () => boolean,
): UpstreamLink {
  const source = ctx.sources[record.target.provider]
  if (!source) throw new Error(`This replica has no ${record.target.provider} provider.`)
  const socket = new WebSocket(record.url, offered, {
    origin: record.origin,
    perMessageDeflate: false,
    maxPayload: ctx.limits.maxUpstreamMessageBytes,
    // One message per turn of the event loop, as on the browser side.
    allowSynchronousEvents: false,
    handshakeTimeout: ctx.limits.upstreamTimeoutMs,
    ...(source.tls.ca !== undefined && { ca: source.tls.ca }),
    rejectUnauthorized: source.tls.rejectUnauthorized !== false,
    // ws's own close paths too; see createGatewayContext.
    closeTimeout: CLOSE_GRACE_MS,
  } as ClientOptions)
  const waiting: UpstreamLink['waiting'] = []
  const keep = (data: RawData, isBinary: boolean) => waiting.push({ data, isBinary })
  socket.on('message', keep)
  const opened = new Promise<Reply | null>((resolve) => {
    socket.once('open', () => resolve(null))
    socket.once('unexpected-response', (_req, res) => {
      res.resume()
      resolve(
        ctx.fail(
          'server',
          `The ${record.target.provider === 'ecs' ? 'ECS' : 'CloudTower'} console proxy refused the connection (HTTP ${res.statusCode}).`,
        ),
      )
    })
    socket.once('error', (error) => {
      if (!browserLeft()) ctx.log('warn', 'Console proxy unreachable.', { error })
      resolve(ctx.fail('network', 'The console proxy could not be reached.'))
    })
  }).then((reply) => {
    socket.on('error', () => {})
    return reply
  })
  return { socket, waiting, stopKeeping: () => socket.off('message', keep), opened }
}
