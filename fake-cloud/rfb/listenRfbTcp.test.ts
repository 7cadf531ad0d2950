import { describe, expect, it } from 'vitest'
import { listenRfbTcp } from './listenRfbTcp.ts'
import { RfbServer } from './RfbServer.ts'
import { RfbTestClient } from './RfbTestClient.ts'

describe('listenRfbTcp', () => {
  it('listens on a free 127.0.0.1 port and closes every connection on close()', async () => {
    const listener = await listenRfbTcp({ scene: false })
    expect(listener.host).toBe('127.0.0.1')
    expect(listener.port).toBeGreaterThan(0)
    const client = await RfbTestClient.connectTcp(listener.port)
    await client.handshake()
    expect(listener.sessions).toHaveLength(1)
    await listener.close()
    await client.closed
    expect(listener.server.sessions).toEqual([])
  })

  it('can serve an existing server, leaving it open', async () => {
    const server = new RfbServer({ width: 10, height: 10, scene: false, desktopName: 'shared' })
    const listener = await listenRfbTcp({ server })
    const client = await RfbTestClient.connectTcp(listener.port)
    expect((await client.handshake()).name).toBe('shared')
    await listener.close()
    await client.closed
    expect(() => server.attach({ write() {}, close() {}, onData() {}, onClose() {} })).not.toThrow()
    server.close()
  })
})
