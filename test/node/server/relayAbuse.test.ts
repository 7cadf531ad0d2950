// The relay under abuse: peers that vanish while the relay is paused, peers that never answer a
// close frame, oversized websocket messages from either side, and one client flooding tiny frames
// while another console is in use. The browser side speaks raw websocket frames where a real
// client library would refuse to misbehave; the console proxy is a hand-made one per test. Both
// speak just enough RFB (a handshake with security None, then valid client messages) for the
// gateway's RFB filter to let them through: the filter only parses the browser's messages and the
// server's handshake, so what the console sends after its ServerInit passes unchanged.
import { createHash } from 'node:crypto'
import { once } from 'node:events'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import { connect, type AddressInfo, type Socket } from 'node:net'
import type { Duplex } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocketServer, type WebSocket } from 'ws'
import { startFakeCloud } from '../../../fake-cloud/startFakeCloud.ts'
import { createConsoleGateway } from '../../../src/server/createConsoleGateway.js'
import type { GatewayLimits } from '../../../src/server/types.js'
import { rfbClientHandshake } from '../../support/rfbClientHandshake.js'
import { rfbServerHandshake } from '../../support/rfbServerHandshake.js'
import { startGatewayServer } from './startGatewayServer.js'

const PROJECT = '13c67a214ced4afb88d911ae4bd5721a'
const ECS = { provider: 'ecs', serverId: '47bc79ae-df61-4ade-9197-283a74e5d70e' }
const MiB = 1024 * 1024
const quiet = { error: () => {}, warn: () => {} }
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

// RFB client messages (RFC 6143 §7.5), as a browser sends them once the handshake is done.
const pointerEvent = Buffer.from([5, 0, 0, 10, 0, 10])
const updateRequest = Buffer.from([3, 1, 0, 0, 0, 0, 0, 16, 0, 16])
/** A ClientCutText of `size` bytes in all (its text is zeros). */
function cutText(size: number) {
  const message = Buffer.alloc(size)
  message[0] = 6
  message.writeUInt32BE(size - 8, 4)
  return message
}

/** What the console proxy does with the next upgrade it accepts. */
type ConsoleBehaviour = (socket: Socket, request: IncomingMessage) => void
const behaviours: ConsoleBehaviour[] = []
const consoleSockets = new Set<Socket>()
const echoServer = new WebSocketServer({ noServer: true, perMessageDeflate: false })

/** Sec-WebSocket-Accept for a key (RFC 6455 §4.2.2). */
const accept = (key: string) =>
  createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64')

/** A binary frame header; `masked` with a zero key (payload bytes unchanged), as a client must. */
function frameHeader(length: number, masked: boolean) {
  const mask = masked ? 0x80 : 0
  const head =
    length < 126
      ? Buffer.from([0x82, mask | length])
      : length < 0x10000
        ? Buffer.from([0x82, mask | 126, length >> 8, length & 0xff])
        : Buffer.concat([Buffer.from([0x82, mask | 127]), bigLength(length)])
  return masked ? Buffer.concat([head, Buffer.alloc(4)]) : head
}
const bigLength = (length: number) => {
  const buffer = Buffer.alloc(8)
  buffer.writeBigUInt64BE(BigInt(length))
  return buffer
}

/** A binary message as one frame: masked (with a zero key) from a client, plain from a server. */
const frame = (payload: Buffer, masked: boolean) =>
  Buffer.concat([frameHeader(payload.length, masked), payload])

/** The frames in `bytes` (unmasked); the last one may be cut short. */
function parseFrames(bytes: Buffer) {
  const frames: { opcode: number; payload: Buffer }[] = []
  let at = 0
  while (at + 2 <= bytes.length) {
    const opcode = bytes[at]! & 0x0f
    const masked = (bytes[at + 1]! & 0x80) !== 0
    let length = bytes[at + 1]! & 0x7f
    let start = at + 2
    if (length === 126) {
      length = bytes.readUInt16BE(at + 2)
      start += 2
    } else if (length === 127) {
      length = Number(bytes.readBigUInt64BE(at + 2))
      start += 8
    }
    const key = masked ? bytes.subarray(start, start + 4) : undefined
    if (key) start += 4
    const payload = Buffer.from(bytes.subarray(start, start + length))
    if (key) for (let i = 0; i < payload.length; i++) payload[i]! ^= key[i % 4]!
    frames.push({ opcode, payload })
    at = start + length
  }
  return frames
}

/** The payloads of the binary messages (and their continuations) in `bytes`, joined. */
const payloads = (bytes: Buffer) =>
  Buffer.concat(
    parseFrames(bytes).flatMap((f) => (f.opcode === 0x2 || f.opcode === 0x0 ? [f.payload] : [])),
  )

/** Close codes found in the frames in `bytes` (the gateway's frames to a browser). */
const closeCodes = (bytes: Buffer) =>
  parseFrames(bytes).flatMap((f) =>
    f.opcode === 0x8 && f.payload.length >= 2 ? [f.payload.readUInt16BE(0)] : [],
  )

/** Writes `total` bytes of zeros, waiting for drains, until done or the socket is gone. */
async function stream(socket: Socket, total: number, stop = () => false) {
  const chunk = Buffer.alloc(MiB)
  let sent = 0
  while (sent < total && !socket.destroyed && socket.writable && !stop()) {
    const n = Math.min(chunk.length, total - sent)
    sent += n
    if (!socket.write(n === chunk.length ? chunk : chunk.subarray(0, n)))
      await Promise.race([once(socket, 'drain'), once(socket, 'close'), sleep(500)])
  }
  return sent
}

/** The highest RSS seen while `work` runs, minus the RSS before it. */
async function rssGrowth(work: () => Promise<void>) {
  const before = process.memoryUsage().rss
  let peak = before
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5)
  try {
    await work()
  } finally {
    clearInterval(timer)
  }
  return Math.max(peak, process.memoryUsage().rss) - before
}

let api: Server
let proxy: Server
beforeAll(async () => {
  // The console proxy: completes the handshake by hand, then does what the test asked for.
  proxy = createServer()
  proxy.on('upgrade', (request: IncomingMessage, socket: Socket, head: Buffer) => {
    const behave = behaviours.shift() ?? echo
    if (behave === echo) {
      echoServer.handleUpgrade(request, socket as Duplex, head, (ws) => {
        const handshake: Buffer[] = []
        let ready = false
        ws.on('message', (data: Buffer, isBinary) => {
          if (ready) ws.send(data, { binary: isBinary })
          else handshake.push(data)
        })
        rfbServerHandshake(
          () => Buffer.concat(handshake),
          (bytes) => ws.send(bytes),
        ).then(
          () => (ready = true),
          () => ws.terminate(),
        )
      })
      return
    }
    consoleSockets.add(socket)
    socket.on('error', () => {})
    socket.on('close', () => consoleSockets.delete(socket))
    const protocol = request.headers['sec-websocket-protocol']?.split(',')[0]?.trim()
    socket.write(
      'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
        `Sec-WebSocket-Accept: ${accept(String(request.headers['sec-websocket-key']))}\r\n` +
        (protocol ? `Sec-WebSocket-Protocol: ${protocol}\r\n` : '') +
        '\r\n',
    )
    // The RFB handshake first; then the socket is left paused, unread, for the behaviour.
    let fromGateway = Buffer.alloc(0)
    const collect = (chunk: Buffer) => (fromGateway = Buffer.concat([fromGateway, chunk]))
    socket.on('data', collect)
    rfbServerHandshake(
      () => payloads(fromGateway),
      (bytes) => socket.write(frame(bytes, false)),
    ).then(
      () => {
        socket.off('data', collect)
        socket.pause()
        behave(socket, request)
      },
      () => socket.destroy(),
    )
  })
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
  const proxyPort = (proxy.address() as AddressInfo).port
  // An ECS API whose console URL points at that proxy.
  api = createServer((request, response) => {
    request.resume()
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(
        JSON.stringify({
          remote_console: {
            type: 'novnc',
            protocol: 'vnc',
            url: `http://127.0.0.1:${proxyPort}/vnc_auto.html?token=console-token`,
          },
        }),
      )
    })
  })
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve))
})
afterAll(async () => {
  for (const socket of consoleSockets) socket.destroy()
  for (const client of echoServer.clients) client.terminate()
  proxy.closeAllConnections()
  await new Promise((resolve) => proxy.close(resolve))
  await new Promise((resolve) => api.close(resolve))
})

/** Echoes every message (a ws server): a console that works. */
const echo: ConsoleBehaviour = () => {}
/** Reads and drops everything, counting the bytes; never answers, not even a close frame. */
const sink = (counted: { bytes: number }): ConsoleBehaviour => {
  return (socket) => socket.on('data', (chunk: Buffer) => (counted.bytes += chunk.length)).resume()
}
/** Stops reading after the handshake: a console proxy that hangs. */
const stall: ConsoleBehaviour = (socket) => socket.pause()

async function withGateway(
  limits: GatewayLimits,
  run: (portal: Awaited<ReturnType<typeof startGatewayServer>>) => Promise<void>,
) {
  const portal = await startGatewayServer({
    authorize: (request) => ({ user: request.headers['x-user'] ?? 'alice' }),
    logger: quiet,
    limits,
    providers: {
      ecs: {
        endpoint: `http://127.0.0.1:${(api.address() as AddressInfo).port}`,
        projectId: PROJECT,
        authToken: 'fake-ecs-token',
      },
    },
  })
  try {
    await run(portal)
  } finally {
    behaviours.length = 0
    for (const socket of consoleSockets) socket.destroy()
    await portal.close()
  }
}

/** A console ticket's websocket opened by hand: raw frames either way, after the RFB handshake. */
async function rawBrowser(portal: Awaited<ReturnType<typeof startGatewayServer>>) {
  const answer = await portal.ask(ECS)
  expect(answer.status).toBe(200)
  const port = Number(new URL(portal.url).port)
  const socket = connect(port, '127.0.0.1')
  socket.on('error', () => {})
  socket.write(
    `GET ${answer.body.url} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\n` +
      `Connection: Upgrade\r\nOrigin: ${portal.url}\r\nSec-WebSocket-Version: 13\r\n` +
      'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Protocol: binary\r\n\r\n',
  )
  let received = Buffer.alloc(0)
  socket.on('data', (chunk: Buffer) => (received = Buffer.concat([received, chunk])))
  while (!received.includes('\r\n\r\n')) {
    if (socket.destroyed) throw new Error('closed during the handshake')
    await sleep(5)
  }
  const end = received.indexOf('\r\n\r\n') + 4
  expect(received.subarray(0, 12).toString()).toBe('HTTP/1.1 101')
  const frames = () => received.subarray(end)
  await rfbClientHandshake(
    () => payloads(frames()),
    (bytes) => socket.write(frame(bytes, true)),
  )
  return { socket, frames }
}

/** A console opened as noVNC would (a ws client), its RFB handshake done. */
async function openConsole(portal: Awaited<ReturnType<typeof startGatewayServer>>) {
  const client = await portal.open((await portal.ask(ECS)).body.url)
  const handshakeBytes = await rfbClientHandshake(client.received, (bytes) => client.ws.send(bytes))
  return { ...client, handshakeBytes }
}

describe('heartbeat', () => {
  it('frees a relay whose browser vanished while the relay was paused', async () => {
    await withGateway({ heartbeatMs: 300, maxRelaysPerUser: 1 }, async (portal) => {
      // The browser floods a console proxy that stopped reading, until the gateway pauses it.
      behaviours.push(stall)
      const { socket } = await rawBrowser(portal)
      const message = frame(cutText(64 * 1024), true)
      for (let i = 0; i < 2_000; i++) {
        if (socket.write(message)) continue
        const drained = await Promise.race([once(socket, 'drain').then(() => true), sleep(500)])
        if (!drained) break // the gateway stopped reading: the relay is paused
      }
      expect(consoleSockets.size).toBe(1)
      expect(portal.gateway.stats.activeRelays).toBe(1)
      // The browser goes away. Its FIN waits unread behind its own bytes.
      const gone = Date.now()
      socket.destroy()
      await expect.poll(() => portal.gateway.stats.activeRelays, { timeout: 8_000 }).toBe(0)
      // Within two heartbeats and the other side's 2 s close grace (plus slack on a busy machine).
      expect(Date.now() - gone).toBeLessThan(4_500)
      // Its slot came back: the user may open another console.
      expect((await portal.ask(ECS)).status).toBe(200)
    })
  })

  it('frees a relay whose browser stopped reading while the console streams to it', async () => {
    await withGateway({ heartbeatMs: 300 }, async (portal) => {
      behaviours.push((socket) => {
        const frame = Buffer.concat([frameHeader(64 * 1024, false), Buffer.alloc(64 * 1024)])
        const pump = () => {
          while (!socket.destroyed && socket.write(frame));
        }
        socket.on('drain', pump)
        pump()
      })
      const client = await openConsole(portal)
      await client.waitFor(64 * 1024)
      // A browser that vanished takes nothing more: what waits for it never leaves.
      client.ws.pause()
      const gone = Date.now()
      await expect.poll(() => portal.gateway.stats.activeRelays, { timeout: 8_000 }).toBe(0)
      // Two heartbeats, then the console proxy's 2 s close grace (this one never answers).
      expect(Date.now() - gone).toBeLessThan(4_500)
      client.ws.terminate()
    })
  })

  it('keeps a slow reader, and an idle console that answers pings', async () => {
    await withGateway({ heartbeatMs: 400 }, async (portal) => {
      behaviours.push((socket) => {
        const frame = Buffer.concat([frameHeader(64 * 1024, false), Buffer.alloc(64 * 1024)])
        const pump = () => {
          while (!socket.destroyed && socket.write(frame));
        }
        socket.on('drain', pump)
        pump()
      })
      const slow = await openConsole(portal)
      const idle = await openConsole(portal)
      let readSoFar = 0
      for (let i = 0; i < 10; i++) {
        slow.ws.pause()
        await sleep(250)
        slow.ws.resume()
        await sleep(50)
        expect(slow.received().length).toBeGreaterThan(readSoFar)
        readSoFar = slow.received().length
      }
      expect(portal.gateway.stats.activeRelays).toBe(2)
      const echoed = new Promise((resolve) => idle.ws.once('message', resolve))
      idle.ws.send(updateRequest)
      expect(await echoed).toEqual(updateRequest)
      slow.ws.terminate()
      idle.ws.close()
    })
  })
})

describe('closing', () => {
  it('ends the relay within the close grace when the console proxy never answers the close frame', async () => {
    // (The heartbeat is out of the way: this is the close path's own bound.)
    await withGateway({ heartbeatMs: 60_000 }, async (portal) => {
      behaviours.push(sink({ bytes: 0 }))
      const client = await openConsole(portal)
      expect(consoleSockets.size).toBe(1)
      const left = Date.now()
      client.ws.close()
      await expect.poll(() => portal.gateway.stats.activeRelays, { timeout: 6_000 }).toBe(0)
      // ws alone would wait 30 s for the answer; the gateway's grace is 2 s.
      expect(Date.now() - left).toBeLessThan(5_000)
    })
  })
  it('frees a flooding browser that left, when the console hung up and never finished closing', async () => {
    // The fake cloud's built-in VNC server hangs up on the first message (a QEMU audio message it
    // does not know; the gateway's filter does); its websocket, paused behind the TCP writes it
    // could not finish, never reads the gateway's answer to its close frame.
    const cloud = await startFakeCloud({ builtInVnc: true })
    const portal = await startGatewayServer({
      authorize: () => ({ user: 'alice' }),
      logger: quiet,
      limits: { heartbeatMs: 1_000 },
      providers: { ecs: { endpoint: cloud.url, projectId: PROJECT, authToken: 'fake-ecs-token' } },
    })
    try {
      const { socket } = await rawBrowser(portal)
      socket.write(frame(Buffer.from([255, 1, 0, 0]), true))
      const message = frame(cutText(64 * 1024), true)
      for (let i = 0; i < 4_000; i++) {
        if (socket.write(message)) continue
        const drained = await Promise.race([once(socket, 'drain').then(() => true), sleep(1_000)])
        if (!drained) break
      }
      const gone = Date.now()
      socket.destroy()
      await expect.poll(() => portal.gateway.stats.activeRelays, { timeout: 10_000 }).toBe(0)
      // ws alone waits 30 s for the close to finish.
      expect(Date.now() - gone).toBeLessThan(6_000)
    } finally {
      await portal.close()
      await cloud.close()
    }
  })
})

describe('message size caps', () => {
  it('closes a browser that sends a 64 MiB message with 1009, relaying nothing of it', async () => {
    await withGateway({}, async (portal) => {
      const console = { bytes: 0 }
      behaviours.push(sink(console))
      const { socket, frames } = await rawBrowser(portal)
      // A message under the cap goes through.
      socket.write(frame(cutText(512 * 1024), true))
      await expect.poll(() => console.bytes).toBeGreaterThanOrEqual(512 * 1024)
      const relayed = console.bytes
      const growth = await rssGrowth(async () => {
        // ws refuses it at the frame header, before a byte of it reaches the RFB filter.
        socket.write(frameHeader(64 * MiB, true))
        await stream(socket, 64 * MiB, () => closeCodes(frames()).length > 0)
        await expect.poll(() => closeCodes(frames()), { timeout: 5_000 }).toEqual([1009])
      })
      expect(growth).toBeLessThan(32 * MiB)
      expect(console.bytes - relayed).toBeLessThan(64 * 1024)
      socket.destroy()
      await expect.poll(() => portal.gateway.stats.activeRelays, { timeout: 5_000 }).toBe(0)
    })
  })

  it('closes the browser with 1009 when the console proxy sends a 64 MiB message', async () => {
    await withGateway({}, async (portal) => {
      // Right after its handshake.
      behaviours.push((socket) => {
        socket.write(frameHeader(64 * MiB, false))
        void stream(socket, 64 * MiB)
      })
      let client: Awaited<ReturnType<typeof openConsole>> | undefined
      const growth = await rssGrowth(async () => {
        client = await openConsole(portal)
        expect(await client.closed).toBe(1009)
      })
      expect(growth).toBeLessThan(32 * MiB)
      // The handshake came through, nothing of the big message.
      expect(client?.received().length).toBe(client?.handshakeBytes)
      await expect.poll(() => portal.gateway.stats.activeRelays, { timeout: 5_000 }).toBe(0)
    })
  })
})

describe('a flood of tiny frames', () => {
  it("leaves another user's console responsive (p95 round trip under 50 ms)", async () => {
    await withGateway({}, async (portal) => {
      const flooded = { bytes: 0 }
      behaviours.push(sink(flooded), echo)
      const flooder = await rawBrowser(portal)
      const other = await openConsole(portal)
      // 100 000 pointer events (six bytes each), one per message, in one write.
      const COUNT = 100_000
      const pointer = frame(pointerEvent, true)
      flooder.socket.write(Buffer.concat(Array.from({ length: COUNT }, () => pointer)))
      const roundTrips: number[] = []
      const ws: WebSocket = other.ws
      do {
        const started = performance.now()
        const back = once(ws, 'message')
        ws.send(updateRequest)
        await back
        roundTrips.push(performance.now() - started)
      } while (flooded.bytes < COUNT * 12 && roundTrips.length < 100_000)
      roundTrips.sort((a, b) => a - b)
      const p95 = roundTrips[Math.floor(roundTrips.length * 0.95)] ?? Infinity
      expect(p95).toBeLessThan(50)
      flooder.socket.destroy()
      ws.close()
    })
  })
})

describe('limits', () => {
  it('refuses a heartbeat or a message cap that is not a positive number', () => {
    for (const limits of [
      { heartbeatMs: 0 },
      { maxBrowserMessageBytes: -1 },
      { maxUpstreamMessageBytes: Number.NaN },
    ]) {
      expect(() =>
        createConsoleGateway({
          authorize: () => true,
          limits,
          providers: { ecs: { endpoint: 'https://ecs.example.com', projectId: PROJECT } },
        }),
      ).toThrow(/must be a positive number/)
    }
  })
})
