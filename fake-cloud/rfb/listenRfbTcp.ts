import { createServer } from 'node:net'
import type { Socket } from 'node:net'
import type { RfbServerOptions } from './RfbServer.ts'
import { RfbServer } from './RfbServer.ts'
import type { RfbSession } from './RfbSession.ts'
import { socketChannel } from './socketChannel.ts'

export interface RfbTcpOptions extends RfbServerOptions {
  /** 0 (default) picks a free port. */
  port?: number
  /** Default 127.0.0.1: a fake VM should not be reachable from the network. */
  host?: string
  /** Serve this existing server (shared screen) instead of creating one; it is not closed with us. */
  server?: RfbServer
}

export interface RfbTcpListener {
  readonly port: number
  readonly host: string
  readonly server: RfbServer
  /** Open sessions that came in through this listener. */
  readonly sessions: RfbSession[]
  /** Stops listening and destroys every connection; closes the server unless it was passed in. */
  close(): Promise<void>
}

/** A plain TCP RFB server (what `vncviewer 127.0.0.1::port` or websockify would connect to). */
export async function listenRfbTcp(options: RfbTcpOptions = {}): Promise<RfbTcpListener> {
  const { port = 0, host = '127.0.0.1', server: given, ...serverOptions } = options
  const server = given ?? new RfbServer(serverOptions)
  const sockets = new Set<Socket>()
  const own = new Set<RfbSession>()
  const tcp = createServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    const session = server.attach(socketChannel(socket), { remoteAddress: socket.remoteAddress })
    own.add(session)
    session.on('close', () => own.delete(session))
  })
  await new Promise<void>((resolve, reject) => {
    tcp.once('error', reject)
    tcp.listen(port, host, () => {
      tcp.off('error', reject)
      resolve()
    })
  })
  const address = tcp.address()
  if (address === null || typeof address === 'string') throw new Error('no TCP address')
  return {
    port: address.port,
    host,
    server,
    get sessions() {
      return [...own]
    },
    close: async () => {
      for (const session of own) session.close()
      for (const socket of sockets) socket.destroy()
      if (!given) server.close()
      await new Promise<void>((resolve) => tcp.close(() => resolve()))
    },
  }
}
