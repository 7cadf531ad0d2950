import { noVncPixelFormat as NOVNC_FORMAT } from '../../test/support/noVncPixelFormat.ts'
import { afterEach, describe, expect, it } from 'vitest'
import { listenRfbTcp } from './listenRfbTcp.ts'
import type { RfbTcpListener, RfbTcpOptions } from './listenRfbTcp.ts'
import { RfbHandshakeError } from './RfbHandshakeError.ts'
import { RfbTestClient } from './RfbTestClient.ts'

const NOVNC_ENCODINGS = [
  1, 7, -260, 16, 21, 5, 15, 6, 0, -26, -254, -223, -224, -258, -261, -308, -309, -312, -313, -307,
  -1063131698, -316, -314, -239,
]
const XK = { Control_L: 0xffe3, Alt_L: 0xffe9, Delete: 0xffff }

let listener: RfbTcpListener | undefined
const clients: RfbTestClient[] = []

async function start(options: RfbTcpOptions = {}) {
  listener = await listenRfbTcp({ width: 16, height: 8, scene: false, ...options })
  const sessionPromise = listener.server.nextSession()
  const client = await RfbTestClient.connectTcp(listener.port)
  clients.push(client)
  return { listener, client, session: await sessionPromise }
}

/** Handshake, then the noVNC start-up sequence (pixel format, encodings, full request). */
async function startLikeNoVnc(options: RfbTcpOptions = {}, encodings = NOVNC_ENCODINGS) {
  const started = await start(options)
  const init = await started.client.handshake({ password: options.password })
  started.client.setPixelFormat(NOVNC_FORMAT)
  started.client.setEncodings(encodings)
  started.client.requestUpdate(false, { x: 0, y: 0, width: init.width, height: init.height })
  return { ...started, init }
}

afterEach(async () => {
  for (const client of clients.splice(0)) client.close()
  await listener?.close()
  listener = undefined
})

describe('RfbSession handshake', () => {
  it('speaks 3.8 with security None and sends ServerInit', async () => {
    const { client, session } = await start({ desktopName: 'vm-01' })
    const init = await client.handshake()
    expect(init).toMatchObject({ version: 'RFB 003.008\n', width: 16, height: 8, name: 'vm-01' })
    expect(init.securityTypes).toEqual([1])
    expect(init.pixelFormat).toMatchObject({ bitsPerPixel: 32, depth: 24, trueColor: true })
    await session.whenReady()
    expect(session.version).toBe('3.8')
    expect(session.log[0]).toEqual({ type: 'clientInit', shared: true })
  })

  it('accepts VNC Authentication with the right password', async () => {
    const { client, session } = await start({ password: 's3cret' })
    const init = await client.handshake({ password: 's3cret' })
    expect(init.securityTypes).toEqual([2])
    await session.whenReady()
  })

  it('refuses a wrong password with a 3.8 reason string and closes', async () => {
    const { client, session } = await start({ password: 's3cret' })
    const failures: string[] = []
    session.on('securityFailure', (reason) => failures.push(reason))
    await expect(client.handshake({ password: 'guess' })).rejects.toEqual(
      new RfbHandshakeError('Authentication failed'),
    )
    await client.closed
    expect(failures).toEqual(['Authentication failed'])
    expect(session.state).toBe('closed')
  })

  it('can be forced to fail security with a reason', async () => {
    const { client } = await start({ forceSecurityFailure: 'token expired' })
    await expect(client.handshake()).rejects.toThrow('token expired')
  })

  it('also speaks 3.3 and 3.7', async () => {
    const a = await start({ password: 'pw' })
    await a.client.handshake({ version: '3.3', password: 'pw' })
    await a.session.whenReady()
    expect(a.session.version).toBe('3.3')
    await listener?.close()
    const b = await start()
    await b.client.handshake({ version: '3.7' })
    await b.session.whenReady()
    expect(b.session.version).toBe('3.7')
  })
})

describe('RfbSession updates', () => {
  it('answers a non-incremental request with the exact pixels in the client format', async () => {
    const { client, listener } = await start()
    listener.server.framebuffer.fillRect(0, 0, 16, 8, 0x000000)
    listener.server.framebuffer.setPixel(3, 2, 0x112233)
    await client.handshake()
    client.setPixelFormat(NOVNC_FORMAT)
    client.requestUpdate(false, { x: 2, y: 2, width: 2, height: 1 })
    const rects = await client.readUpdate()
    expect(rects).toHaveLength(1)
    expect(rects[0]).toMatchObject({ x: 2, y: 2, width: 2, height: 1, encoding: 0 })
    expect([...(rects[0]?.data ?? [])]).toEqual([0, 0, 0, 0, 0x11, 0x22, 0x33, 0])
  })

  it('uses the server pixel format (BGRX) until the client sets one', async () => {
    const { client, listener } = await start()
    listener.server.framebuffer.setPixel(0, 0, 0x112233)
    await client.handshake()
    client.requestUpdate(false, { x: 0, y: 0, width: 1, height: 1 })
    expect([...((await client.readUpdate())[0]?.data ?? [])]).toEqual([0x33, 0x22, 0x11, 0])
  })

  it('sends an incremental update only after something changed, and only that', async () => {
    const { client, session, init, listener } = await startLikeNoVnc()
    const full = await client.readUpdate()
    expect(full.filter((r) => r.encoding === 0)).toEqual([
      expect.objectContaining({ x: 0, y: 0, width: 16, height: 8 }),
    ])
    client.requestUpdate(true, { x: 0, y: 0, width: init.width, height: init.height })
    await client.expectSilence(80)
    listener.server.framebuffer.fillRect(4, 5, 2, 2, 0xff0000)
    const rects = await client.readUpdate()
    expect(rects).toEqual([
      expect.objectContaining({ x: 4, y: 5, width: 2, height: 2, encoding: 0 }),
    ])
    expect([...(rects[0]?.data?.subarray(0, 4) ?? [])]).toEqual([0xff, 0, 0, 0])
    // No request outstanding now: changes wait for the next request (never unrequested).
    listener.server.framebuffer.fillRect(0, 0, 1, 1, 0x00ff00)
    await client.expectSilence(80)
    client.requestUpdate(true, { x: 0, y: 0, width: 16, height: 8 })
    expect(await client.readUpdate()).toEqual([
      expect.objectContaining({ x: 0, y: 0, width: 1, height: 1 }),
    ])
    expect(session.updates.length).toBeGreaterThanOrEqual(3)
  })

  it('announces ExtendedDesktopSize and resizes on SetDesktopSize', async () => {
    const { client, session, listener } = await startLikeNoVnc()
    const first = await client.readUpdate()
    expect(first[0]).toMatchObject({ encoding: -308, x: 0, y: 0, width: 16, height: 8 })
    client.setDesktopSize(20, 10)
    client.requestUpdate(true, { x: 0, y: 0, width: 16, height: 8 })
    const rects = await client.readUpdate()
    expect(rects[0]).toMatchObject({ encoding: -308, x: 1, y: 0, width: 20, height: 10 })
    expect(rects[0]?.screens).toEqual([{ id: 0, x: 0, y: 0, width: 20, height: 10, flags: 0 }])
    expect(rects[1]).toMatchObject({ encoding: 0, x: 0, y: 0, width: 20, height: 10 })
    expect(listener.server.framebuffer.width).toBe(20)
    expect(session.log.find((m) => m.type === 'setDesktopSize')).toMatchObject({
      width: 20,
      height: 10,
    })
  })

  it('rejects an invalid SetDesktopSize with status 3 and keeps the size', async () => {
    const { client } = await startLikeNoVnc()
    await client.readUpdate()
    client.setDesktopSize(0, 10)
    client.requestUpdate(true, { x: 0, y: 0, width: 16, height: 8 })
    expect((await client.readUpdate())[0]).toMatchObject({
      encoding: -308,
      x: 1,
      y: 3,
      width: 16,
      height: 8,
    })
  })

  it('tells clients about a server-side resize (DesktopSize for older clients)', async () => {
    const { client, listener } = await startLikeNoVnc({}, [0, -223])
    await client.readUpdate()
    client.requestUpdate(true, { x: 0, y: 0, width: 16, height: 8 })
    listener.server.resize(8, 4)
    const rects = await client.readUpdate()
    expect(rects.map((r) => [r.encoding, r.width, r.height])).toEqual([
      [-223, 8, 4],
      [0, 8, 4],
    ])
  })

  it('sends the QEMU key pseudo-rect only when enabled and announced', async () => {
    const on = await startLikeNoVnc({ qemuKeys: true })
    expect((await on.client.readUpdate()).map((r) => r.encoding)).toContain(-258)
    expect(on.session.qemuKeysActive).toBe(true)
    await listener?.close()
    const off = await startLikeNoVnc()
    expect((await off.client.readUpdate()).map((r) => r.encoding)).not.toContain(-258)
  })

  it('sends a DesktopName pseudo-rect after a rename', async () => {
    const { client, listener } = await startLikeNoVnc()
    await client.readUpdate()
    client.requestUpdate(true, { x: 0, y: 0, width: 16, height: 8 })
    listener.server.setDesktopName('renamed')
    expect((await client.readUpdate())[0]).toMatchObject({ encoding: -307, name: 'renamed' })
  })
})

describe('RfbSession client messages', () => {
  it('records Ctrl+Alt+Del as six keys whichever message type carried them', async () => {
    const { client, session } = await startLikeNoVnc({ qemuKeys: true })
    await client.readUpdate()
    client.key(true, XK.Control_L)
    client.key(true, XK.Alt_L)
    client.qemuKey(true, XK.Delete, 0xd3)
    client.qemuKey(false, XK.Delete, 0xd3)
    client.key(false, XK.Alt_L)
    client.key(false, XK.Control_L)
    await session.waitUntil((s) => s.keys.length === 6)
    expect(session.keys.map((k) => [k.down, k.keysym])).toEqual([
      [true, XK.Control_L],
      [true, XK.Alt_L],
      [true, XK.Delete],
      [false, XK.Delete],
      [false, XK.Alt_L],
      [false, XK.Control_L],
    ])
    expect(session.keys[2]).toEqual({
      down: true,
      keysym: XK.Delete,
      scancode: 0xd3,
      via: 'qemuKey',
    })
    expect(session.log.filter((m) => m.type === 'qemuKey')).toHaveLength(2)
  })

  it('records pointer events, ClientCutText and XVP', async () => {
    const { client, session, listener } = await startLikeNoVnc({ xvp: true })
    expect(await client.readMessage()).toEqual({ type: 'xvp', version: 1, code: 1 })
    client.pointer(1, 5, 6)
    client.cutText('héllo')
    client.xvp(3)
    await session.waitUntil((s) => s.log.some((m) => m.type === 'xvp'))
    expect(session.log).toContainEqual({ type: 'pointer', buttonMask: 1, x: 5, y: 6 })
    expect(session.clientCutTexts).toEqual(['héllo'])
    expect(listener.server.powerActions).toEqual(['reboot'])
  })

  it('parses messages split byte by byte and several in one chunk', async () => {
    const { client, session } = await start()
    await client.handshake()
    const bytes = Buffer.concat([
      RfbTestClient.setEncodingsBytes([0, -223]),
      RfbTestClient.keyBytes(true, 0x61),
      RfbTestClient.keyBytes(false, 0x61),
    ])
    for (const byte of bytes) client.write([byte])
    client.write(
      Buffer.concat([RfbTestClient.keyBytes(true, 0x62), RfbTestClient.keyBytes(false, 0x62)]),
    )
    await session.waitUntil((s) => s.keys.length === 4)
    expect(session.log.map((m) => m.type)).toEqual([
      'clientInit',
      'setEncodings',
      'key',
      'key',
      'key',
      'key',
    ])
    expect(session.keys.map((k) => k.keysym)).toEqual([0x61, 0x61, 0x62, 0x62])
  })

  it('sends ServerCutText and Bell', async () => {
    const { client, session, listener } = await start()
    await client.handshake()
    await session.whenReady()
    expect(listener.server.sendCutText('from the VM')).toBe(1)
    expect(session.bell()).toBe(true)
    expect(await client.readMessage()).toEqual({ type: 'cutText', text: 'from the VM' })
    expect(await client.readMessage()).toEqual({ type: 'bell' })
  })

  it('closes the connection on an unknown message type', async () => {
    const { client, session } = await start()
    await client.handshake()
    const errors: Error[] = []
    session.on('protocolError', (error) => errors.push(error))
    client.write([77])
    await client.closed
    expect(errors[0]?.message).toMatch(/unknown client message type 77/)
  })
})
