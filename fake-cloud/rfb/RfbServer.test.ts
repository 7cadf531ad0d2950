import { describe, expect, it } from 'vitest'
import type { RfbChannel } from './RfbChannel.ts'
import { RfbServer } from './RfbServer.ts'

/** An in-memory channel: what the server writes is collected, `send` feeds it client bytes. */
function memoryChannel() {
  const written: Buffer[] = []
  let onData: (chunk: Uint8Array) => void = () => {}
  let onClose: () => void = () => {}
  let closed = false
  const channel: RfbChannel = {
    write: (data) => written.push(Buffer.from(data)),
    close: () => {
      closed = true
      onClose()
    },
    onData: (listener) => (onData = listener),
    onClose: (listener) => (onClose = listener),
  }
  return {
    channel,
    written,
    send: (bytes: number[] | string) => onData(Buffer.from(bytes as string, 'latin1')),
    get closed() {
      return closed
    },
  }
}

describe('RfbServer', () => {
  it('runs a session on any channel and re-emits its events', async () => {
    const server = new RfbServer({ width: 2, height: 2, scene: false })
    const pipe = memoryChannel()
    const keys: number[] = []
    server.on('key', (key) => keys.push(key.keysym))
    const session = server.attach(pipe.channel)
    expect(pipe.written[0]?.toString('latin1')).toBe('RFB 003.008\n')
    pipe.send('RFB 003.008\n')
    pipe.send([1, 1])
    await session.whenReady()
    pipe.send([4, 1, 0, 0, 0, 0, 0, 0x41])
    expect(keys).toEqual([0x41])
    expect(server.sessions).toEqual([session])
    server.close()
    expect(pipe.closed).toBe(true)
    expect(server.sessions).toEqual([])
  })

  it('validates resize requests', () => {
    const server = new RfbServer({ width: 2, height: 2, scene: false, maxWidth: 100 })
    const session = server.attach(memoryChannel().channel)
    const screens = [{ id: 0, x: 0, y: 0, width: 1, height: 1, flags: 0 }]
    expect(server.requestResize(session, 101, 10, screens)).toBe(3)
    expect(server.requestResize(session, 10, 10, [])).toBe(3)
    expect(server.requestResize(session, 50, 40, screens)).toBe(0)
    expect([server.framebuffer.width, server.framebuffer.height]).toEqual([50, 40])
    const locked = new RfbServer({ scene: false, allowResize: false })
    expect(locked.requestResize(session, 10, 10, screens)).toBe(1)
    server.close()
    locked.close()
  })

  it('decodes noVNC extended-clipboard Provide text', async () => {
    const { deflateSync, constants } = await import('node:zlib')
    const server = new RfbServer({ width: 2, height: 2, scene: false })
    const pipe = memoryChannel()
    const session = server.attach(pipe.channel)
    pipe.send('RFB 003.008\n')
    pipe.send([1, 1])
    const text = Buffer.from('line 1\r\nline 2\0', 'utf8')
    const size = Buffer.alloc(4)
    size.writeUInt32BE(text.length)
    const body = Buffer.concat([
      Buffer.from([0x10, 0, 0, 1]), // Provide, format text
      deflateSync(Buffer.concat([size, text]), { finishFlush: constants.Z_SYNC_FLUSH }),
    ])
    const head = Buffer.alloc(8)
    head.writeUInt8(6, 0)
    head.writeInt32BE(-body.length, 4)
    pipe.send([...Buffer.concat([head, body])])
    expect(session.clientCutTexts).toEqual(['line 1\nline 2'])
    server.close()
  })

  it('setPassword applies to sessions that have not reached the security step', () => {
    const server = new RfbServer({ width: 2, height: 2, scene: false })
    const before = memoryChannel()
    server.attach(before.channel)
    before.send('RFB 003.008\n')
    const pending = memoryChannel()
    server.attach(pending.channel) // connected, version not yet exchanged
    server.setPassword('secret')
    expect(server.settings.password).toBe('secret')
    pending.send('RFB 003.008\n')
    // Security types: count 1, then None (1) or VNC Authentication (2).
    expect([...(before.written[1] ?? [])]).toEqual([1, 1])
    expect([...(pending.written[1] ?? [])]).toEqual([1, 2])
    server.setPassword(undefined)
    const after = memoryChannel()
    server.attach(after.channel)
    after.send('RFB 003.008\n')
    expect([...(after.written[1] ?? [])]).toEqual([1, 1])
    server.close()
  })
})
