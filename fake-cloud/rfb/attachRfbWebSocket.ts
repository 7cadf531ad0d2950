import type { IncomingMessage } from 'node:http'
import type { WebSocket } from 'ws'
import type { RfbServer } from './RfbServer.ts'
import type { RfbSession } from './RfbSession.ts'
import { webSocketChannel } from './webSocketChannel.ts'

/**
 * Runs an RFB session directly on an accepted `ws` WebSocket (no websockify relay), e.g. from a
 * gateway under test that upgrades requests itself.
 */
export function attachRfbWebSocket(
  server: RfbServer,
  socket: WebSocket,
  request?: IncomingMessage,
): RfbSession {
  return server.attach(webSocketChannel(socket), {
    remoteAddress: request?.socket.remoteAddress,
    url: request?.url,
    protocol: socket.protocol || undefined,
  })
}
