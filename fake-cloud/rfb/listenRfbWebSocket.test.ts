import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { listenRfbWebSocket } from './listenRfbWebSocket.ts'
import type { RfbWebSocketListener } from './listenRfbWebSocket.ts'
import { RfbTestClient } from './RfbTestClient.ts'

let listener: RfbWebSocketListener | undefined

afterEach(async () => {
  await listener?.close()
  listener = undefined
})

describe('listenRfbWebSocket', () => {
  it('serves RFB over binary WebSocket frames on 127.0.0.1, choosing the binary subprotocol', async () => {
    listener = await listenRfbWebSocket({ width: 4, height: 2, scene: false, path: '/websockify' })
    expect(listener.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/websockify$/)
    const sessionPromise = listener.server.nextSession()
    const client = await RfbTestClient.connectWebSocket(`${listener.url}?token=abc`)
    const init = await client.handshake()
    expect(init).toMatchObject({ width: 4, height: 2 })
    const session = await sessionPromise
    expect(session.info).toMatchObject({ url: '/websockify?token=abc', protocol: 'binary' })
    client.requestUpdate(false, { x: 0, y: 0, width: 4, height: 2 })
    expect((await client.readUpdate())[0]).toMatchObject({ width: 4, height: 2, encoding: 0 })
    expect(listener.sessions).toEqual([session])
  })

  it('refuses upgrades that verifyRequest rejects, and other paths', async () => {
    listener = await listenRfbWebSocket({
      scene: false,
      path: '/websockify',
      verifyRequest: (request) => request.url?.includes('token=good') ?? false,
    })
    const status = (url: string) =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(url)
        socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0))
        socket.on('open', () => {
          socket.terminate()
          resolve(101)
        })
        socket.on('error', () => resolve(-1))
      })
    expect(await status(`${listener.url}?token=bad`)).toBe(401)
    expect(await status(`${listener.url}?token=good`)).toBe(101)
    expect(await status(`ws://127.0.0.1:${listener.port}/elsewhere?token=good`)).toBe(400)
  })

  it('close() ends every open connection', async () => {
    listener = await listenRfbWebSocket({ scene: false })
    const client = await RfbTestClient.connectWebSocket(listener.url)
    await client.handshake()
    await listener.close()
    listener = undefined
    await client.closed
    expect(client.isClosed).toBe(true)
  })
})
