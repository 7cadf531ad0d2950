import { createHash } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket, WebSocketServer } from 'ws'
import { relayWebSockets, type RelayOptions } from '../../../src/server/relayWebSockets.js'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((f) => f()))

async function listen(onConnection: (ws: WebSocket) => void) {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false })
  server.on('connection', onConnection)
  await new Promise((resolve) => server.once('listening', resolve))
  cleanups.push(() => {
    for (const client of server.clients) client.terminate()
    server.close()
  })
  return `ws://127.0.0.1:${(server.address() as AddressInfo).port}`
}
const opened = (ws: WebSocket) => new Promise((resolve) => ws.once('open', resolve))

/** A browser, a console upstream and the relay between them (the relay holds `browserSide`). */
async function setUp(
  flood: (ws: WebSocket) => void,
  highWaterMark = 256 * 1024,
  idleTimeoutMs = 60_000,
  hooks?: RelayOptions['hooks'],
) {
  let browserSide!: WebSocket
  const browserUrl = await listen((ws) => (browserSide = ws))
  const upstreamUrl = await listen(flood)
  const browser = new WebSocket(browserUrl, { perMessageDeflate: false })
  const upstream = new WebSocket(upstreamUrl, { perMessageDeflate: false })
  await Promise.all([opened(browser), opened(upstream)])
  await new Promise((r) => setTimeout(r, 10))
  const bytes = { toBrowser: 0, toUpstream: 0 }
  const ended: string[] = []
  const codes: number[] = []
  relayWebSockets(browserSide, upstream, {
    hooks,
    highWaterMark,
    idleTimeoutMs,
    heartbeatMs: 60_000,
    onBytes: (direction, n) => (bytes[direction] += n),
    onEnd: (reason, code) => {
      ended.push(reason)
      codes.push(code)
    },
  })
  cleanups.push(() => {
    browser.terminate()
    upstream.terminate()
  })
  return { browser, browserSide, upstream, bytes, ended, codes }
}

describe('relayWebSockets', () => {
  it('pauses the upstream while a slow browser is behind, and loses nothing', async () => {
    const sentHash = createHash('sha256')
    let sent = 0
    let flooding = true
    const { browser, browserSide, upstream, bytes } = await setUp((console) => {
      let seq = 0
      const pump = () => {
        while (flooding && console.bufferedAmount < 4 * 1024 * 1024) {
          const frame = Buffer.alloc(64 * 1024, seq % 251)
          frame.writeUInt32BE(seq++, 0)
          sentHash.update(frame)
          sent += frame.length
          console.send(frame)
        }
        if (flooding) setTimeout(pump, 5)
      }
      console.once('message', pump) // starts when the relay is in place
    })
    const receivedHash = createHash('sha256')
    let received = 0
    browser.on('message', (data: Buffer) => {
      receivedHash.update(data)
      received += data.length
    })
    browser.send('go')
    await new Promise((r) => setTimeout(r, 20))
    browser.pause() // the browser stops reading: its TCP window fills up
    await new Promise((r) => setTimeout(r, 400))
    expect(upstream.isPaused).toBe(true)
    // What the gateway holds for the browser stays near the high-water mark (one frame over at most).
    expect(browserSide.bufferedAmount).toBeLessThanOrEqual(256 * 1024 + 64 * 1024)
    expect(sent - bytes.toBrowser).toBeGreaterThan(1024 * 1024) // the rest waits upstream, not here
    flooding = false
    browser.resume()
    await new Promise<void>((resolve) => {
      const check = () => (received === sent ? resolve() : setTimeout(check, 20))
      check()
    })
    expect(receivedHash.digest('hex')).toBe(sentHash.digest('hex'))
    expect(upstream.isPaused).toBe(false)
  })

  it('keeps text and binary messages as they are, both ways, and closes the other side', async () => {
    const fromBrowser: { data: string; isBinary: boolean }[] = []
    let consoleSide!: WebSocket
    const { browser, ended } = await setUp((ws) => {
      consoleSide = ws
      ws.on('message', (data: Buffer, isBinary) =>
        fromBrowser.push({ data: data.toString(), isBinary }),
      )
    })
    const fromUpstream: { data: string; isBinary: boolean }[] = []
    browser.on('message', (data: Buffer, isBinary) =>
      fromUpstream.push({ data: data.toString(), isBinary }),
    )
    browser.send('hello')
    browser.send(Buffer.from('bin'))
    consoleSide.send('text back')
    consoleSide.send(Buffer.from('bytes back'))
    await new Promise((r) => setTimeout(r, 50))
    expect(fromBrowser).toEqual([
      { data: 'hello', isBinary: false },
      { data: 'bin', isBinary: true },
    ])
    expect(fromUpstream).toEqual([
      { data: 'text back', isBinary: false },
      { data: 'bytes back', isBinary: true },
    ])
    const closed = new Promise<number>((resolve) => browser.once('close', resolve))
    consoleSide.close(1000, 'bye')
    expect(await closed).toBe(1000)
    await new Promise((r) => setTimeout(r, 20))
    expect(ended).toEqual(['upstream'])
  })

  it('closes both sides after the idle time', async () => {
    const { browser, ended } = await setUp(() => {}, 1024, 80)
    const code = await new Promise<number>((resolve) => browser.once('close', resolve))
    expect(code).toBe(4000)
    await new Promise((r) => setTimeout(r, 20))
    expect(ended).toEqual(['idle'])
  })
})

describe('relayWebSockets hooks', () => {
  it('sends what a hook returns, nothing for an empty answer, and counts what was sent', async () => {
    const atUpstream: string[] = []
    const { browser, bytes } = await setUp(
      (console) => console.on('message', (data: Buffer) => atUpstream.push(data.toString())),
      undefined,
      undefined,
      {
        toUpstream: (data) =>
          data.toString() === 'drop'
            ? new Uint8Array(0)
            : Buffer.from(data.toString().toUpperCase()),
      },
    )
    browser.send(Buffer.from('drop'))
    browser.send(Buffer.from('keep'))
    await expect.poll(() => atUpstream).toEqual(['KEEP'])
    expect(bytes.toUpstream).toBe(4)
  })

  it('cuts both sides with the code a hook gives, and reports why', async () => {
    const { browser, ended, codes } = await setUp(() => {}, undefined, undefined, {
      toUpstream: () => ({ code: 4400, reason: 'RFB protocol error' }),
    })
    const closed = new Promise<number>((resolve) => browser.once('close', resolve))
    browser.send(Buffer.from('garbage'))
    expect(await closed).toBe(4400)
    await expect.poll(() => ended).toEqual(['browser cut off'])
    expect(codes).toEqual([4400])
  })
})
