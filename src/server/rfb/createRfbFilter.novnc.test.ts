// @vitest-environment jsdom
// The real noVNC client (1.7) → a small websocket relay running the filter → the fake RFB server:
// every byte noVNC really sends must parse, and observe mode must keep input from the server.
import { existsSync } from 'node:fs'
import { connect as connectTcp, createServer } from 'node:net'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket as NodeWebSocket, WebSocketServer, type RawData } from 'ws'
import { startProcess, type ManagedProcess } from '../../../test/support/managedProcess.ts'
import { listenRfbWebSocket } from '../../../fake-cloud/rfb/listenRfbWebSocket.ts'
import type { RfbWebSocketListener } from '../../../fake-cloud/rfb/listenRfbWebSocket.ts'
import { vncAuthResponse } from '../../../fake-cloud/rfb/vncAuthResponse.ts'
import { createRfbFilter, type RfbClientMessage } from './createRfbFilter.js'
import { stubJsdomCanvas } from '../../../test/support/stubJsdomCanvas.ts'

/** The slice of noVNC's RFB class this test uses (noVNC ships no types), private hooks included. */
interface NoVncRfb extends EventTarget {
  capabilities: { power: boolean }
  resizeSession: boolean
  sendCtrlAltDel(): void
  sendKey(keysym: number, code: string | null, down?: boolean): void
  clipboardPasteFrom(text: string): void
  machineReboot(): void
  disconnect(): void
  /** What a mouse button or move becomes (private: jsdom has no layout to click on). */
  _handleMouseButton(x: number, y: number, mask: number): void
  _requestRemoteResize(): void
  _screen: HTMLElement
  _supportsSetDesktopSize: boolean
}
type NoVncRfbClass = new (
  target: HTMLElement,
  url: string,
  options?: { credentials?: { password?: string }; shared?: boolean },
) => NoVncRfb

interface Relay {
  url: string
  /** Every byte the filter passed on to the browser. */
  toBrowser: Uint8Array[]
  /** Every byte noVNC sent, as sent. */
  sent: Uint8Array[]
  /** Every byte the filter passed on to the server. */
  forwarded: Uint8Array[]
  reported: RfbClientMessage[]
  errors: unknown[]
  close(): Promise<void>
}

const toBytes = (data: RawData) =>
  new Uint8Array(Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer))

/** The relay's way to the VNC server: a websocket (as the gateway has), or raw TCP. */
interface Upstream {
  readonly open: boolean
  send(bytes: Uint8Array): void
  close(): void
  on(event: 'open' | 'close', listener: () => void): void
  on(event: 'message', listener: (bytes: Uint8Array) => void): void
}

function connectUpstream(target: string | number): Upstream {
  if (typeof target === 'string') {
    const ws = new NodeWebSocket(target)
    return {
      get open() {
        return ws.readyState === NodeWebSocket.OPEN
      },
      send: (bytes) => ws.send(bytes),
      close: () => ws.terminate(),
      on: (event: string, listener: (bytes: Uint8Array) => void) =>
        event === 'message'
          ? ws.on('message', (data) => listener(toBytes(data)))
          : ws.on(event, listener as () => void),
    }
  }
  // TCP splits the stream wherever it likes: the filter sees other cuts than over a websocket.
  const socket = connectTcp({ host: '127.0.0.1', port: target })
  let open = false
  socket.on('connect', () => (open = true))
  socket.on('error', () => socket.destroy())
  return {
    get open() {
      return open
    },
    send: (bytes) => socket.write(bytes),
    close: () => socket.destroy(),
    on: (event: string, listener: (bytes: Uint8Array) => void) =>
      event === 'message'
        ? socket.on('data', (data) => listener(new Uint8Array(data)))
        : socket.on(event === 'open' ? 'connect' : 'close', listener as () => void),
  }
}

/** A websocket relay that runs every byte of one session through a filter, as the gateway will. */
async function startRelay(upstream: string | number, observe: boolean): Promise<Relay> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 })
  await new Promise((resolve) => wss.once('listening', resolve))
  const relay: Relay = {
    url: `ws://127.0.0.1:${(wss.address() as { port: number }).port}/`,
    toBrowser: [],
    sent: [],
    forwarded: [],
    reported: [],
    errors: [],
    close: () => new Promise((resolve) => wss.close(() => resolve())),
  }
  wss.on('connection', (browser) => {
    const filter = createRfbFilter({ observe, exclusive: false })
    const server = connectUpstream(upstream)
    const early: Uint8Array[] = []
    const cut = (error: unknown) => {
      relay.errors.push(error)
      browser.terminate()
      server.close()
    }
    browser.on('message', (data) => {
      const bytes = toBytes(data)
      relay.sent.push(bytes)
      try {
        const { forward, messages } = filter.fromClient(bytes)
        relay.reported.push(...messages.map((m) => ({ ...m, bytes: m.bytes.slice() })))
        if (forward.length === 0) return
        relay.forwarded.push(forward.slice())
        if (server.open) server.send(forward)
        else early.push(forward.slice())
      } catch (error) {
        cut(error)
      }
    })
    server.on('open', () => early.splice(0).forEach((bytes) => server.send(bytes)))
    server.on('message', (bytes) => {
      try {
        const forward = filter.fromServer(bytes)
        if (forward.length === 0) return
        relay.toBrowser.push(forward.slice())
        browser.send(forward)
      } catch (error) {
        cut(error)
      }
    })
    browser.on('close', () => server.close())
    server.on('close', () => browser.close())
  })
  return relay
}

let RFB: NoVncRfbClass
let vm: RfbWebSocketListener | undefined
let relay: Relay | undefined
let rfb: NoVncRfb | undefined

beforeAll(async () => {
  stubJsdomCanvas()
  // jsdom's WebSocket can deliver the server's first bytes before 'open', which no browser does and
  // noVNC rejects; ws has the browser interface and browser ordering.
  globalThis.WebSocket = NodeWebSocket as unknown as typeof WebSocket
  const specifier: string = '@novnc/novnc'
  RFB = ((await import(specifier)) as { default: NoVncRfbClass }).default
})

afterEach(async () => {
  rfb?.disconnect()
  rfb = undefined
  await relay?.close()
  relay = undefined
  await vm?.close()
  vm = undefined
})

function connect(url: string): Promise<NoVncRfb> {
  // shared: false is what a client that wants to kick the other viewers sends.
  const client = new RFB(document.body.appendChild(document.createElement('div')), url, {
    credentials: { password: 'pw' },
    shared: false,
  })
  rfb = client
  return new Promise((resolve, reject) => {
    client.addEventListener('connect', () => resolve(client))
    client.addEventListener('disconnect', () => reject(new Error('disconnected')))
  })
}

/** Makes noVNC send one of everything it can: keys, pointer, paste, power, a resize request. */
function useEverything(client: NoVncRfb): void {
  client.sendCtrlAltDel()
  client.sendKey(0x61, 'KeyA')
  client._handleMouseButton(10, 20, 1)
  client._handleMouseButton(10, 20, 0)
  client.clipboardPasteFrom('copied')
  client.machineReboot()
  client._screen.getBoundingClientRect = () => ({ width: 640, height: 480 }) as DOMRect
  client.resizeSession = true
  client._requestRemoteResize()
}

const join = (parts: Uint8Array[]) => Buffer.concat(parts)

describe('createRfbFilter with the real noVNC client', () => {
  it.each([false, true])(
    'parses every byte noVNC sends (extended clipboard: %s); the server gets all of it, shared',
    async (extendedClipboard) => {
      vm = await listenRfbWebSocket({
        password: 'pw',
        qemuKeys: true,
        xvp: true,
        extendedClipboard,
        frozenClock: true,
      })
      relay = await startRelay(vm.url, false)
      const next = vm.server.nextSession()
      const client = await connect(relay.url)
      const session = await next
      await session.waitUntil((s) => s.qemuKeysActive && s.updates.length > 0, 5000)
      await session.waitUntil(
        () => client.capabilities.power && client._supportsSetDesktopSize,
        5000,
      )
      useEverything(client)
      await session.waitUntil(
        (s) =>
          s.keys.length === 8 &&
          s.clientCutTexts.length === 1 &&
          s.log.some((m) => m.type === 'setDesktopSize'),
        5000,
      )
      expect(relay.errors).toEqual([])
      // Everything noVNC sent went through, except the shared flag (ClientInit), forced to 1.
      const sent = join(relay.sent)
      const forwarded = join(relay.forwarded)
      expect(forwarded.length).toBe(sent.length)
      const differing = [...sent.keys()].filter((i) => sent[i] !== forwarded[i])
      expect(differing.map((i) => [sent[i], forwarded[i]])).toEqual([[0, 1]])
      expect(session.shared).toBe(true)
      // What the filter reported is what the server parsed, message for message.
      expect(relay.reported.map((m) => m.kind)).toEqual(
        session.log
          .filter((m) => m.type !== 'clientInit')
          .map((m) => SERVER_KINDS[m.type as keyof typeof SERVER_KINDS]),
      )
      expect(new Set(relay.reported.map((m) => m.kind))).toEqual(
        new Set([
          'setPixelFormat',
          'setEncodings',
          'updateRequest',
          'qemuKey',
          'pointer',
          'clipboard',
          'xvp',
          'setDesktopSize',
        ]),
      )
      expect(session.clientCutTexts).toEqual(['copied'])
      expect(vm.server.powerActions).toEqual(['reboot'])
      const clipboard = relay.reported.filter((m) => m.kind === 'clipboard')
      // Extended: caps, notify, then the provide the server requested; else one plain message.
      expect(clipboard.map((m) => m.clipboardExtended)).toEqual(
        extendedClipboard ? [true, true, true] : [false],
      )
    },
  )

  it('observe: the server gets no key, pointer, paste, power or resize, and keeps updating', async () => {
    vm = await listenRfbWebSocket({ password: 'pw', qemuKeys: true, xvp: true, frozenClock: true })
    relay = await startRelay(vm.url, true)
    const next = vm.server.nextSession()
    const client = await connect(relay.url)
    const session = await next
    await session.waitUntil((s) => s.qemuKeysActive && s.updates.length > 0, 5000)
    await session.waitUntil(() => client.capabilities.power && client._supportsSetDesktopSize, 5000)
    useEverything(client)
    // The filter saw all of it (and dropped it); then one more update proves the session lives.
    await expect
      .poll(() => relay?.reported.filter((m) => m.dropped).length, { timeout: 5000 })
      .toBe(8 + 2 + 1 + 1 + 1)
    const updates = session.updates.length
    vm.server.framebuffer.fillRect(0, 0, 10, 10, 0xff0000)
    await session.waitUntil((s) => s.updates.length > updates, 5000)
    expect(relay.errors).toEqual([])
    expect(session.keys).toEqual([])
    expect(session.clientCutTexts).toEqual([])
    expect(vm.server.powerActions).toEqual([])
    expect(session.log.filter((m) => INPUT.has(m.type))).toEqual([])
    expect(session.shared).toBe(true)
    expect(relay.reported.filter((m) => m.dropped).map((m) => m.kind)).toEqual([
      ...Array(8).fill('qemuKey'),
      'pointer',
      'pointer',
      'clipboard',
      'xvp',
      'setDesktopSize',
    ])
  })
})

/** A free loopback TCP port. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

/**
 * TigerVNC's -Password: the password DES-encrypted with VNC's fixed obfuscation key (d3des, hence
 * the same bit-reversed keying as VNC auth: vncAuthResponse with the key as the "password").
 */
function obfuscatedPassword(password: string): string {
  const key = String.fromCharCode(23, 82, 107, 6, 35, 78, 88, 7)
  const block = new Uint8Array(16)
  block.set(Uint8Array.from(password.slice(0, 8), (c) => c.charCodeAt(0)))
  return Buffer.from(vncAuthResponse(key, block).subarray(0, 8)).toString('hex')
}

/** TigerVNC's Xvnc offering VeNCrypt (TLS) first, as its defaults do, then `securityTypes`. */
async function startXvnc(
  securityTypes: string,
  password?: string,
): Promise<{ port: number; process: ManagedProcess }> {
  let display = 0
  for (let n = 100 + Math.floor(Math.random() * 800); n < 1000; n++) {
    if (!existsSync(`/tmp/.X11-unix/X${n}`) && !existsSync(`/tmp/.X${n}-lock`)) {
      display = n
      break
    }
  }
  const port = await freePort()
  const xvnc = startProcess('Xvnc', 'Xvnc', [
    `:${display}`,
    '-rfbport',
    String(port),
    '-localhost',
    '-nolisten',
    'tcp',
    '-SecurityTypes',
    securityTypes,
    ...(password === undefined ? [] : ['-Password', obfuscatedPassword(password)]),
    '-geometry',
    '320x200',
    '-depth',
    '24',
  ])
  const deadline = Date.now() + 20_000
  for (;;) {
    const accepts = await new Promise<boolean>((resolve) => {
      const socket = connectTcp({ host: '127.0.0.1', port })
      socket.once('connect', () => resolve(true)).once('error', () => resolve(false))
      socket.once('connect', () => socket.destroy())
    })
    if (accepts) return { port, process: xvnc }
    if (Date.now() > deadline) {
      await xvnc.stop()
      throw new Error(`Xvnc did not listen on ${port}:\n${xvnc.output()}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

describe('createRfbFilter with the real noVNC client and TigerVNC', () => {
  it.each([
    ['TLSNone,None', undefined, 1],
    ['TLSVnc,VncAuth', 'pw', 2],
  ] as const)(
    "rewrites Xvnc's VeNCrypt-first offer (%s) to what it can follow; every byte noVNC sends parses",
    async (securityTypes, password, followed) => {
      const xvnc = await startXvnc(securityTypes, password)
      try {
        relay = await startRelay(xvnc.port, false)
        const client = await connect(relay.url)
        let disconnected = false
        client.addEventListener('disconnect', () => (disconnected = true))
        // Xvnc offers [VeNCrypt, VeNCrypt, None or VNC auth]; noVNC would pick VeNCrypt (TLS),
        // which the gateway cannot see into. The browser was offered the last one alone.
        expect([...(relay.toBrowser[1] ?? [])]).toEqual([1, followed])
        client.sendKey(0x61, 'KeyA')
        client._handleMouseButton(10, 20, 1)
        client._handleMouseButton(10, 20, 0)
        client.clipboardPasteFrom('copied')
        await expect
          .poll(() => relay?.reported.filter((m) => m.kind === 'clipboard').length, {
            timeout: 5000,
          })
          .toBeGreaterThan(0)
        // Xvnc still answers update requests after all of it: it accepted every forwarded byte.
        const received = relay.toBrowser.length
        await expect
          .poll(() => relay?.toBrowser.length, { timeout: 5000 })
          .toBeGreaterThan(received)
        expect(relay.errors).toEqual([])
        expect(disconnected).toBe(false)
        const sent = join(relay.sent)
        const forwarded = join(relay.forwarded)
        const differing = [...sent.keys()].filter((i) => sent[i] !== forwarded[i])
        expect(differing.map((i) => [sent[i], forwarded[i]])).toEqual([[0, 1]])
        expect(new Set(relay.reported.map((m) => m.kind))).toEqual(
          new Set([
            'setPixelFormat',
            'setEncodings',
            'updateRequest',
            'key',
            'pointer',
            'clipboard',
            'fence',
            'continuousUpdates',
          ]),
        )
      } finally {
        rfb?.disconnect()
        rfb = undefined
        await xvnc.process.stop()
      }
    },
  )
})

const SERVER_KINDS = {
  setPixelFormat: 'setPixelFormat',
  setEncodings: 'setEncodings',
  framebufferUpdateRequest: 'updateRequest',
  key: 'key',
  qemuKey: 'qemuKey',
  pointer: 'pointer',
  clientCutText: 'clipboard',
  setDesktopSize: 'setDesktopSize',
  xvp: 'xvp',
  enableContinuousUpdates: 'continuousUpdates',
  fence: 'fence',
} as const
const INPUT = new Set(['key', 'qemuKey', 'pointer', 'clientCutText', 'xvp', 'setDesktopSize'])
