// An RFB server inside the browser, on MSW's WebSocket mock: stories reach every VNC state
// (connecting, connected, credentials, security failure, drops) with no server process, in
// `storybook dev`, the static build and the Vitest story tests alike. The server is the fake
// cloud's own (fake-cloud/rfb: RfbServer, RfbSession, LivingScene): one implementation of RFB for
// the tests, the demo and the stories. This file only carries bytes between it and MSW.
import { ws, type WebSocketHandlerConnection } from 'msw'
import type { RfbChannel } from '../../fake-cloud/rfb/RfbChannel.ts'
import { RfbServer } from '../../fake-cloud/rfb/RfbServer.ts'

export interface MockRfbOptions {
  width?: number
  height?: number
  desktopName?: string
  /** Never send the server greeting: the client stays `connecting`. */
  silent?: boolean
  /** Offer VNC Authentication with this password instead of None. */
  password?: string
  /** Refuse the handshake with this reason. */
  securityFailure?: string
  /** Close every session this long after it starts. */
  dropAfterMs?: number
  /** Announce XVP (XVP_INIT) to clients that list it: the client reports `power`. */
  xvp?: boolean
  /** Announce QEMU key events (scancodes): the client then never sends a bare keysym, as to QEMU. */
  qemuKeys?: boolean
  /** Put this text on the client's clipboard (ServerCutText) once the client sends its encodings. */
  clipboardText?: string
}

/** The XVP operations a client can send (RFB `xvp` message, op 2…4). */
export type MockRfbPowerAction = 'shutdown' | 'reboot' | 'reset'

export interface MockRfbKey {
  keysym: number
  down: boolean
}

/** What a story's play function can read back about the sessions of one mock. */
export interface MockRfbRecord {
  sessions: number
  /** The URL of every socket, as the client opened it. */
  urls: string[]
  keys: MockRfbKey[]
  clipboard: string[]
  /** XVP power requests, in order (only a server with `xvp` is sent any). */
  power: MockRfbPowerAction[]
}

function toBytes(data: unknown): Promise<Uint8Array> | Uint8Array {
  if (data instanceof ArrayBuffer) return new Uint8Array(data.slice(0))
  if (ArrayBuffer.isView(data)) {
    return new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength))
  }
  if (data instanceof Blob) return data.arrayBuffer().then((buffer) => new Uint8Array(buffer))
  if (typeof data === 'string') return new TextEncoder().encode(data)
  return new Uint8Array(0)
}

/**
 * An MSW handler for `url` (e.g. `wss://vnc.example.test/websockify`, any query) that speaks RFB.
 * Returns the handler for `parameters.msw` and the record of what clients sent. Each mock is one
 * VM: its sessions share one screen (the fake cloud's living scene, clock frozen so every story
 * paints the same pixels), made on the first connection.
 */
export function mockRfb(url: string, options: MockRfbOptions = {}) {
  const record: MockRfbRecord = { sessions: 0, urls: [], keys: [], clipboard: [], power: [] }
  let server: RfbServer | undefined
  const vm = () =>
    (server ??= new RfbServer({
      width: options.width ?? 640,
      height: options.height ?? 400,
      desktopName: options.desktopName ?? 'Mock VM',
      password: options.password,
      forceSecurityFailure: options.securityFailure,
      xvp: options.xvp,
      qemuKeys: options.qemuKeys,
      frozenClock: true,
    }))
  const handler = ws.link(url).addEventListener('connection', ({ client }) => {
    record.sessions++
    record.urls.push(client.url.href)
    if (options.silent) return
    // A real server's first bytes arrive in a task after the socket's `open` event, when every
    // open listener has run. MSW instead delivers what a handler sends during its connection
    // event from an `open` listener it adds then, and opens the socket in the microtasks right
    // after this handler: a client that sets its own `onopen` later (noVNC attaching to a socket
    // created before it and still connecting, as the viewer's early socket can be) would get the
    // greeting before its open handler and fail ("Unknown init state"). So the server speaks a
    // task later.
    let closed = false
    client.addEventListener('close', () => (closed = true))
    setTimeout(() => closed || serve(client), 0)
  })
  /** Attaches an RFB session of this mock's VM to an open client. */
  function serve(client: WebSocketHandlerConnection['client']) {
    const channel: RfbChannel = {
      write: (data) => client.send(data),
      // After what was sent (MSW delivers sends a microtask later): a refusal's reason arrives.
      close: () => setTimeout(() => client.close(), 0),
      onData: (listener) => {
        // Copy now: noVNC sends views of its send buffer, which it overwrites with the next
        // message. Blobs are read asynchronously, so the queue keeps the messages in order.
        let queue = Promise.resolve()
        client.addEventListener('message', (event) => {
          const bytes = toBytes(event.data)
          queue = queue.then(async () => listener(await bytes))
        })
      },
      onClose: (listener) => client.addEventListener('close', () => listener()),
    }
    const session = vm().attach(channel, { url: client.url.href })
    session.on('key', ({ keysym, down }) => record.keys.push({ keysym, down }))
    session.on('clientCutText', (text) => record.clipboard.push(text))
    session.on('xvp', (action) => {
      if (action !== 'unknown') record.power.push(action)
    })
    if (options.clipboardText !== undefined) {
      const text = options.clipboardText
      // Once the client is ready for it (it has sent its encodings), as a VM that copied at login.
      const onMessage = (message: { type: string }) => {
        if (message.type !== 'setEncodings') return
        session.off('message', onMessage)
        session.sendCutText(text)
      }
      session.on('message', onMessage)
    }
    if (options.dropAfterMs !== undefined) {
      setTimeout(() => session.close(), options.dropAfterMs)
    }
  }
  return { handler, record }
}
