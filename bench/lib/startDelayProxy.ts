import net from 'node:net'
import { performance } from 'node:perf_hooks'
import type { NetworkLink } from './NetworkLink.ts'

/** Largest piece a chunk is cut into, so a big read reaches the other side in steps as on a wire. */
const SLICE = 16 * 1024

export interface DelayProxy {
  port: number
  /** `http://127.0.0.1:{port}` */
  url: string
  /** Connections open now. */
  connections(): number
  /** Bytes read from one side and not yet written to the other, over all connections. */
  bufferedBytes(): number
  close(): Promise<void>
}

/**
 * A TCP proxy on 127.0.0.1 in front of `target` that makes every connection cross `link`: what
 * the client sends goes through `link.up`, what the server sends through `link.down`, each chunk
 * delayed by half the round trip after its serialization at the link's bandwidth. A new
 * connection's first bytes leave one round trip after it was accepted (the SYN / SYN-ACK a real
 * link would cost). An end (FIN) or reset travels behind the data. Backpressure is kept: a side
 * with more than `highWaterMark` bytes in flight, or whose peer's socket is full, is paused.
 * No slow start: a new connection gets the whole bandwidth at once.
 */
export async function startDelayProxy(
  target: { host: string; port: number },
  link: NetworkLink,
  { highWaterMark = 1024 * 1024 }: { highWaterMark?: number } = {},
): Promise<DelayProxy> {
  const open = new Set<net.Socket>()
  const clients = new Set<net.Socket>()
  let buffered = 0

  const pipe = (
    from: net.Socket,
    to: net.Socket,
    direction: NetworkLink['up'],
    notBefore: number,
  ) => {
    let inFlight = 0
    let waitingDrain = false
    const resumeIfRoom = () => {
      if (inFlight <= highWaterMark && !waitingDrain && from.isPaused()) from.resume()
    }
    from.on('data', (chunk: Buffer) => {
      for (let offset = 0; offset < chunk.length; offset += SLICE) {
        const slice = chunk.subarray(offset, offset + SLICE)
        inFlight += slice.length
        buffered += slice.length
        direction.send(slice.length, notBefore, () => {
          inFlight -= slice.length
          buffered -= slice.length
          if (!to.destroyed && !to.writableEnded && !to.write(slice) && !waitingDrain) {
            waitingDrain = true
            to.once('drain', () => {
              waitingDrain = false
              resumeIfRoom()
            })
          }
          resumeIfRoom()
        })
      }
      if (inFlight > highWaterMark || waitingDrain) from.pause()
    })
    from.on('end', () => direction.send(0, notBefore, () => to.end()))
    // A reset stays a reset: the other side sees ECONNRESET, not a clean end.
    from.on('error', () => direction.send(0, notBefore, () => to.resetAndDestroy()))
  }

  const server = net.createServer({ allowHalfOpen: true, noDelay: true }, (client) => {
    const acceptedAt = performance.now()
    clients.add(client)
    client.on('close', () => clients.delete(client))
    const upstream = net.connect({ ...target, allowHalfOpen: true, noDelay: true })
    for (const socket of [client, upstream]) {
      open.add(socket)
      socket.on('close', () => open.delete(socket))
    }
    pipe(client, upstream, link.up, acceptedAt + link.rttMs)
    pipe(upstream, client, link.down, 0)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
  const { port } = server.address() as net.AddressInfo
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    connections: () => clients.size,
    bufferedBytes: () => buffered,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy()
        server.close(() => resolve())
      }),
  }
}
