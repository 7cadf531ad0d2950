// A TCP load balancer on loopback, as dumb as the ones in front of real replica sets: each new
// connection goes to the next backend in turn (skipping one that refuses), bytes are piped both
// ways untouched, and one side closing closes the other. It keeps a log of every connection (the
// backend chosen, the backends that refused, the first request line) so a test can prove where
// each POST and each websocket landed.
import { connect, createServer, type AddressInfo, type Socket } from 'node:net'

export interface BalancedConnection {
  /** The order in which the balancer accepted the connection. */
  id: number
  /** Index into `backends` of the backend that took it; undefined while connecting or when none did. */
  backend: number | undefined
  /** Backends tried first that refused the connection (a dead replica). */
  refused: number[]
  /** `POST /consoles?c=1 HTTP/1.1`, `GET /consoles?ticket=… HTTP/1.1`; '' until it arrives. */
  firstLine: string
}

const CONNECT_TIMEOUT_MS = 2_000

export async function startRoundRobinBalancer(backends: readonly number[]) {
  let turn = 0
  const log: BalancedConnection[] = []
  const sockets = new Set<Socket>()
  const track = (socket: Socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
    socket.on('error', () => {})
  }

  /** Resolves with a connected socket to `port`, or undefined when it refuses (or hangs). */
  const dial = (port: number) =>
    new Promise<Socket | undefined>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port })
      const timer = setTimeout(() => socket.destroy(), CONNECT_TIMEOUT_MS)
      socket.once('connect', () => {
        clearTimeout(timer)
        socket.off('close', failed)
        resolve(socket)
      })
      const failed = () => {
        clearTimeout(timer)
        resolve(undefined)
      }
      socket.once('close', failed)
      socket.on('error', () => {})
    })

  const server = createServer((client) => {
    track(client)
    // Nothing is read until a backend is connected; then the first bytes go to both the log and it.
    client.pause()
    const entry: BalancedConnection = {
      id: log.length,
      backend: undefined,
      refused: [],
      firstLine: '',
    }
    log.push(entry)
    const first = turn++ % backends.length
    let head = ''
    const sniff = (chunk: Buffer) => {
      head += chunk.toString('latin1')
      const end = head.indexOf('\r\n')
      if (end >= 0 || head.length > 8192) {
        entry.firstLine = end >= 0 ? head.slice(0, end) : head
        client.off('data', sniff)
      }
    }
    void (async () => {
      for (let i = 0; i < backends.length && !client.destroyed; i++) {
        const index = (first + i) % backends.length
        const upstream = await dial(backends[index] ?? 0)
        if (!upstream) {
          entry.refused.push(index)
          continue
        }
        track(upstream)
        entry.backend = index
        // A replica that dies takes its connections with it: the client sees them close.
        upstream.once('close', () => client.destroy())
        client.once('close', () => upstream.destroy())
        client.on('data', sniff)
        client.pipe(upstream)
        upstream.pipe(client)
        if (client.destroyed) upstream.destroy()
        return
      }
      client.destroy()
    })()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    log,
    /** The backend the next connection is offered to first (while no other connection races it). */
    peek: () => turn % backends.length,
    async close() {
      for (const socket of sockets) socket.destroy()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}
