import { createServer } from 'node:http'
import type { IncomingMessage } from 'node:http'
import { WebSocketServer } from 'ws'
import { attachRfbWebSocket } from './attachRfbWebSocket.ts'
import type { RfbServerOptions } from './RfbServer.ts'
import { RfbServer } from './RfbServer.ts'
import type { RfbSession } from './RfbSession.ts'

export interface RfbWebSocketOptions extends RfbServerOptions {
  /** 0 (default) picks a free port. */
  port?: number
  /** Default 127.0.0.1. */
  host?: string
  /** Only upgrade requests to this pathname (the query, e.g. ?token=…, is not compared). */
  path?: string
  /** Accept or refuse an upgrade (e.g. check a one-time token); refused requests get HTTP 401. */
  verifyRequest?: (request: IncomingMessage) => boolean
  /** Serve this existing server (shared screen) instead of creating one; it is not closed with us. */
  server?: RfbServer
}

export interface RfbWebSocketListener {
  readonly port: number
  readonly host: string
  /** ws://host:port/path, ready for noVNC (append a query as needed). */
  readonly url: string
  readonly server: RfbServer
  readonly sessions: RfbSession[]
  /** Stops listening and terminates every socket; closes the server unless it was passed in. */
  close(): Promise<void>
}

/**
 * A WebSocket RFB server, as noVNC expects from websockify or a cloud console proxy: binary
 * frames, subprotocol 'binary' chosen when the client offers it.
 */
export async function listenRfbWebSocket(
  options: RfbWebSocketOptions = {},
): Promise<RfbWebSocketListener> {
  const {
    port = 0,
    host = '127.0.0.1',
    path,
    verifyRequest,
    server: given,
    ...serverOptions
  } = options
  const server = given ?? new RfbServer(serverOptions)
  const own = new Set<RfbSession>()
  const http = createServer((_request, response) => {
    response.writeHead(426, { 'content-type': 'text/plain' }).end('RFB over WebSocket only\n')
  })
  const wss = new WebSocketServer({
    server: http,
    path,
    // Browsers fail the handshake when they offer subprotocols and none is chosen.
    handleProtocols: (protocols) =>
      protocols.has('binary') ? 'binary' : (protocols.values().next().value ?? false),
    verifyClient: verifyRequest
      ? (info, done) => (verifyRequest(info.req) ? done(true) : done(false, 401, 'Unauthorized'))
      : undefined,
  })
  wss.on('connection', (socket, request) => {
    const session = attachRfbWebSocket(server, socket, request)
    own.add(session)
    session.on('close', () => own.delete(session))
  })
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject)
    http.listen(port, host, () => {
      http.off('error', reject)
      resolve()
    })
  })
  const address = http.address()
  if (address === null || typeof address === 'string') throw new Error('no TCP address')
  return {
    port: address.port,
    host,
    url: `ws://${host}:${address.port}${path ?? '/'}`,
    server,
    get sessions() {
      return [...own]
    },
    close: async () => {
      for (const session of own) session.close()
      for (const client of wss.clients) client.terminate()
      if (!given) server.close()
      await new Promise<void>((resolve) => wss.close(() => resolve()))
      http.closeAllConnections()
      await new Promise<void>((resolve) => http.close(() => resolve()))
    },
  }
}
