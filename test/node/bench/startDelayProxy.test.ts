// The bench's delaying TCP proxy (bench/lib/startDelayProxy.ts) over real sockets: the bytes it
// delivers, the delay and bandwidth it adds (generous bounds: the machine is shared), ends and
// resets, many connections at once, and backpressure.
import { randomBytes } from 'node:crypto'
import net from 'node:net'
import { performance } from 'node:perf_hooks'
import { afterEach, describe, expect, it } from 'vitest'
import { NetworkLink } from '../../../bench/lib/NetworkLink.ts'
import { startDelayProxy, type DelayProxy } from '../../../bench/lib/startDelayProxy.ts'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function listen(onSocket: (socket: net.Socket) => void): Promise<number> {
  const sockets = new Set<net.Socket>()
  const server = net.createServer({ allowHalfOpen: true }, (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => {})
    onSocket(socket)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  )
  return (server.address() as net.AddressInfo).port
}

async function proxyTo(
  port: number,
  rttMs: number,
  mbitPerS = Infinity,
  highWaterMark?: number,
): Promise<DelayProxy> {
  const link = new NetworkLink({ name: 'test', rttMs, mbitPerS })
  const proxy = await startDelayProxy({ host: '127.0.0.1', port }, link, { highWaterMark })
  cleanups.push(async () => {
    await proxy.close()
    link.clear()
  })
  return proxy
}

function connect(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port, allowHalfOpen: true }, () =>
      resolve(socket),
    )
    socket.once('error', reject)
    cleanups.push(() => void socket.destroy())
  })
}

/** Reads until `length` bytes came; resolves with them and the time the last one came. */
function readBytes(socket: net.Socket, length: number): Promise<{ data: Buffer; at: number }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let got = 0
    const onData = (chunk: Buffer) => {
      chunks.push(chunk)
      got += chunk.length
      if (got < length) return
      socket.off('data', onData)
      resolve({ data: Buffer.concat(chunks), at: performance.now() })
    }
    socket.on('data', onData)
    socket.once('close', () => {
      if (got < length) reject(new Error(`closed after ${got} of ${length} bytes`))
    })
  })
}

const echo = (socket: net.Socket) => socket.pipe(socket)

describe('startDelayProxy', () => {
  it('delivers the same bytes in the same order both ways', async () => {
    const proxy = await proxyTo(await listen(echo), 20)
    const client = await connect(proxy.port)
    const sent = randomBytes(4 * 1024 * 1024)
    const back = readBytes(client, sent.length)
    // Many writes of odd sizes, as an application makes them.
    for (let offset = 0; offset < sent.length; offset += 10_007) {
      client.write(sent.subarray(offset, offset + 10_007))
    }
    const { data } = await back
    expect(data.length).toBe(sent.length)
    expect(data.equals(sent)).toBe(true)
  })

  it('delays each way by half the round trip, and a new connection by one round trip more', async () => {
    const arrivals: number[] = []
    let serverSide: net.Socket | undefined
    const port = await listen((socket) => {
      serverSide = socket
      socket.on('data', () => arrivals.push(performance.now()))
    })
    const proxy = await proxyTo(port, 200)
    const client = await connect(proxy.port)
    const connectedAt = performance.now()
    client.write('a')
    await expect.poll(() => arrivals.length, { timeout: 5000 }).toBe(1)
    // SYN / SYN-ACK (200 ms) and then the one-way 100 ms.
    expect(arrivals[0]! - connectedAt).toBeGreaterThanOrEqual(295)
    expect(arrivals[0]! - connectedAt).toBeLessThan(300 + 400)

    const upAt = performance.now()
    client.write('b')
    await expect.poll(() => arrivals.length, { timeout: 5000 }).toBe(2)
    expect(arrivals[1]! - upAt).toBeGreaterThanOrEqual(98)
    expect(arrivals[1]! - upAt).toBeLessThan(100 + 400)

    const reply = readBytes(client, 1)
    const downAt = performance.now()
    serverSide?.write('c')
    const { at } = await reply
    expect(at - downAt).toBeGreaterThanOrEqual(98)
    expect(at - downAt).toBeLessThan(100 + 400)
  })

  it('caps the bandwidth, shared by the connections on one link', async () => {
    // 8 Mbit/s = 1000 bytes per ms: 500 kB take 500 ms, one connection or two.
    const size = 500_000
    const port = await listen((socket) => {
      socket.once('data', (request: Buffer) => socket.end(randomBytes(Number(request.toString()))))
    })
    const proxy = await proxyTo(port, 0, 8)
    const one = await connect(proxy.port)
    let start = performance.now()
    const whole = readBytes(one, size)
    one.write(String(size))
    expect((await whole).at - start).toBeGreaterThanOrEqual(450)
    expect((await whole).at - start).toBeLessThan(500 + 1500)

    const [a, b] = await Promise.all([connect(proxy.port), connect(proxy.port)])
    start = performance.now()
    const halves = [readBytes(a, size / 2), readBytes(b, size / 2)]
    a.write(String(size / 2))
    b.write(String(size / 2))
    const last = Math.max(...(await Promise.all(halves)).map((half) => half.at))
    expect(last - start).toBeGreaterThanOrEqual(450)
    expect(last - start).toBeLessThan(500 + 1500)
  })

  it('passes a half-close on behind the data, and lets the other side answer', async () => {
    const port = await listen((socket) => {
      const chunks: Buffer[] = []
      socket.on('data', (chunk: Buffer) => chunks.push(chunk))
      // The client is done sending; the server still answers, then ends too.
      socket.on('end', () => socket.end(`got ${Buffer.concat(chunks).toString()}`))
    })
    const proxy = await proxyTo(port, 40)
    const client = await connect(proxy.port)
    const received: Buffer[] = []
    client.on('data', (chunk: Buffer) => received.push(chunk))
    const ended = new Promise<void>((resolve) => client.once('end', resolve))
    client.end('hello')
    await ended
    expect(Buffer.concat(received).toString()).toBe('got hello')
    await expect.poll(() => proxy.connections(), { timeout: 5000 }).toBe(0)
  })

  it('passes a reset on, and closes the client when the server cannot be reached', async () => {
    const port = await listen((socket) => socket.once('data', () => socket.resetAndDestroy()))
    const proxy = await proxyTo(port, 40)
    const client = await connect(proxy.port)
    let error: NodeJS.ErrnoException | undefined
    client.on('error', (value) => (error = value))
    const closed = new Promise<void>((resolve) => client.once('close', () => resolve()))
    client.write('x')
    await closed
    expect(error?.code).toBe('ECONNRESET')

    // A port nothing listens on: taken, then given back.
    const taken = net.createServer()
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve))
    const nowhere = (taken.address() as net.AddressInfo).port
    await new Promise((resolve) => taken.close(resolve))
    const refused = await proxyTo(nowhere, 40)
    const lonely = await connect(refused.port)
    lonely.on('error', () => {})
    await new Promise<void>((resolve) => lonely.once('close', () => resolve()))
    await expect.poll(() => refused.connections(), { timeout: 5000 }).toBe(0)
  })

  it('carries many connections at once, each intact', async () => {
    const proxy = await proxyTo(await listen(echo), 30, 100)
    const results = await Promise.all(
      Array.from({ length: 100 }, async () => {
        const client = await connect(proxy.port)
        const sent = randomBytes(32 * 1024)
        const back = readBytes(client, sent.length)
        client.end(sent)
        const { data } = await back
        return data.equals(sent)
      }),
    )
    expect(results.every(Boolean)).toBe(true)
    await expect.poll(() => proxy.connections(), { timeout: 10_000 }).toBe(0)
  })

  it('keeps backpressure: a server that does not read holds the client back', async () => {
    let server: net.Socket | undefined
    let received = 0
    const port = await listen((socket) => {
      server = socket
      socket.pause()
      socket.on('data', (chunk: Buffer) => (received += chunk.length))
    })
    const highWaterMark = 256 * 1024
    const proxy = await proxyTo(port, 10, Infinity, highWaterMark)
    const client = await connect(proxy.port)
    const total = 32 * 1024 * 1024
    const block = randomBytes(1024 * 1024)
    let written = 0
    const writeMore = () => {
      while (written < total) {
        written += block.length
        if (!client.write(block)) return
      }
    }
    client.on('drain', writeMore)
    writeMore()
    await new Promise((resolve) => setTimeout(resolve, 500))
    // The proxy holds at most its mark and one read; the rest waits in the kernel and the client.
    expect(proxy.bufferedBytes()).toBeLessThanOrEqual(highWaterMark + 128 * 1024)
    expect(written).toBeLessThan(total)
    expect(client.writableLength).toBeGreaterThan(0)
    server?.resume()
    await expect.poll(() => received, { timeout: 15_000 }).toBe(total)
  })
})
