// @vitest-environment jsdom
// jsdom only because noVNC's modules read `window` when loaded: the fixtures are the bytes noVNC's own
// encoders (RFB.messages.*) emit, collected by a fake socket, not bytes written by hand.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createRfbFilter, type RfbClientMessage, type RfbFilter } from './createRfbFilter.js'
import { RfbProtocolError } from './RfbProtocolError.js'

/** The socket interface noVNC's encoders write to (core/websock.js). */
interface NoVncSock {
  sQpush8(n: number): void
  sQpush16(n: number): void
  sQpush32(n: number): void
  sQpushBytes(bytes: Uint8Array): void
  sQpushString(text: string): void
  flush(): void
}
type Encoder = (sock: NoVncSock, ...args: never[]) => void
const specifier: string = '@novnc/novnc'
const messages = ((await import(specifier)) as { default: { messages: Record<string, Encoder> } })
  .default.messages

/** The bytes one call of a noVNC encoder sends, as its Websock would (same byte arithmetic). */
function novnc(name: string, ...args: unknown[]): Uint8Array {
  const out: number[] = []
  const sock: NoVncSock = {
    sQpush8: (n) => out.push(n & 0xff),
    sQpush16: (n) => out.push((n >> 8) & 0xff, n & 0xff),
    sQpush32: (n) => out.push((n >> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff),
    sQpushBytes: (bytes) => out.push(...bytes),
    sQpushString: (text) => out.push(...[...text].map((c) => c.charCodeAt(0) & 0xff)),
    flush: () => undefined,
  }
  const encode = messages[name]
  if (!encode) throw new Error(`noVNC has no RFB.messages.${name}`)
  ;(encode as (...a: unknown[]) => void)(sock, ...args)
  return Uint8Array.from(out)
}

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0))
const bytes = (...values: number[]) => Uint8Array.from(values)
const u32 = (n: number) => bytes((n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff)
function concat(...parts: Uint8Array[]): Uint8Array {
  const joined = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0))
  parts.reduce((offset, p) => (joined.set(p, offset), offset + p.length), 0)
  return joined
}

// noVNC's own constants (core/rfb.js, core/encodings.js).
const CLIPBOARD_TEXT = 1
const CLIPBOARD_ACTIONS = [1 << 24, 1 << 25, 1 << 26, 1 << 27, 1 << 28]
const EXTENDED_MOUSE_BUTTONS = -316
/** What noVNC 1.7's _sendEncodings sends at depth 24 (without H.264). */
const NOVNC_ENCODINGS = [
  1,
  7,
  -260,
  16,
  21,
  5,
  2,
  6,
  0,
  -32 + 6,
  -256 + 2,
  -223,
  -224,
  -258,
  -261,
  -308,
  -309,
  -312,
  -313,
  -307,
  0xc0a1e5ce,
  EXTENDED_MOUSE_BUTTONS,
  0x574d5664,
  -239,
]

/** Every message noVNC can send after the handshake, built by noVNC, with what it must report. */
function novncMessages(): { name: string; bytes: Uint8Array; facts: Partial<RfbClientMessage> }[] {
  return [
    {
      name: 'pixelFormat',
      bytes: novnc('pixelFormat', 24, true),
      facts: { kind: 'setPixelFormat' },
    },
    {
      name: 'clientEncodings',
      bytes: novnc('clientEncodings', NOVNC_ENCODINGS),
      facts: { kind: 'setEncodings' },
    },
    {
      name: 'fbUpdateRequest',
      bytes: novnc('fbUpdateRequest', true, 0, 0, 1024, 768),
      facts: { kind: 'updateRequest' },
    },
    {
      name: 'keyEvent',
      bytes: novnc('keyEvent', 0xffe3, 1),
      facts: { kind: 'key', keysym: 0xffe3, down: true },
    },
    {
      name: 'QEMUExtendedKeyEvent',
      bytes: novnc('QEMUExtendedKeyEvent', 0x61, 0, 0x1e),
      facts: { kind: 'qemuKey', keysym: 0x61, down: false },
    },
    { name: 'pointerEvent', bytes: novnc('pointerEvent', 10, 20, 1), facts: { kind: 'pointer' } },
    {
      name: 'clientCutText',
      bytes: novnc('clientCutText', ascii('copied text')),
      facts: { kind: 'clipboard', clipboardLength: 11, clipboardExtended: false },
    },
    {
      name: 'extendedClipboardCaps',
      bytes: novnc('extendedClipboardCaps', CLIPBOARD_ACTIONS, { extendedClipboardFormatText: 0 }),
      facts: { kind: 'clipboard', clipboardLength: 8, clipboardExtended: true },
    },
    {
      name: 'extendedClipboardNotify',
      bytes: novnc('extendedClipboardNotify', [CLIPBOARD_TEXT]),
      facts: { kind: 'clipboard', clipboardLength: 4, clipboardExtended: true },
    },
    {
      name: 'extendedClipboardRequest',
      bytes: novnc('extendedClipboardRequest', [CLIPBOARD_TEXT]),
      facts: { kind: 'clipboard', clipboardLength: 4, clipboardExtended: true },
    },
    {
      name: 'extendedClipboardProvide',
      bytes: novnc('extendedClipboardProvide', [CLIPBOARD_TEXT], ['héllo wörld\n'.repeat(20)]),
      facts: { kind: 'clipboard', clipboardExtended: true },
    },
    {
      name: 'setDesktopSize',
      bytes: novnc('setDesktopSize', 1280, 720, 0, 0),
      facts: { kind: 'setDesktopSize' },
    },
    {
      name: 'clientFence',
      bytes: novnc('clientFence', (1 << 31) | 1, '0123456789abcdef'),
      facts: { kind: 'fence' },
    },
    {
      name: 'enableContinuousUpdates',
      bytes: novnc('enableContinuousUpdates', true, 0, 0, 800, 600),
      facts: { kind: 'continuousUpdates' },
    },
    { name: 'xvpOp', bytes: novnc('xvpOp', 1, 3), facts: { kind: 'xvp' } },
  ]
}

interface Handshake {
  server: Uint8Array[]
  client: Uint8Array[]
}

/** A whole handshake in turn order: server, client, server, … (RFC 6143 §7.1–7.3). */
function handshake(
  version: '3.3' | '3.7' | '3.8',
  security: 'none' | 'vnc',
  shared = 1,
): Handshake {
  const v = ascii(`RFB 003.00${version.slice(2)}\n`)
  const type = security === 'none' ? 1 : 2
  const server: Uint8Array[] = [v]
  const client: Uint8Array[] = [v]
  const challenge = new Uint8Array(16).fill(7)
  if (version === '3.3') {
    // The 3.3 server picks the type and, for VNC auth, sends its challenge straight after.
    server.push(security === 'vnc' ? concat(u32(type), challenge) : u32(type))
  } else {
    server.push(bytes(2, 2, 1))
    client.push(bytes(type))
    if (security === 'vnc') server.push(challenge)
  }
  if (security === 'vnc') {
    client.push(new Uint8Array(16).fill(9))
    server.push(u32(0))
  } else if (version === '3.8') server.push(u32(0))
  client.push(bytes(shared))
  return { server, client }
}

/** Runs a handshake through a filter, alternating as the peers would; returns what each side got. */
function runHandshake(filter: RfbFilter, steps: Handshake) {
  const toClient: Uint8Array[] = []
  const toServer: Uint8Array[] = []
  const reported: RfbClientMessage[] = []
  const server = [...steps.server]
  const client = [...steps.client]
  // Server greeting, then strictly alternating replies (a 3.3 None server speaks twice in a row
  // only when the client has nothing to say: that never happens in these handshakes).
  toClient.push(filter.fromServer(server.shift()!))
  while (client.length > 0 || server.length > 0) {
    const c = client.shift()
    if (c) {
      const out = filter.fromClient(c)
      toServer.push(out.forward)
      reported.push(...out.messages)
    }
    const s = server.shift()
    if (s) toClient.push(filter.fromServer(s))
  }
  return { toClient, toServer, reported }
}

function connected(options: { observe?: boolean; exclusive?: boolean } = {}): RfbFilter {
  const filter = createRfbFilter({ observe: false, exclusive: false, ...options })
  runHandshake(filter, handshake('3.8', 'none'))
  return filter
}

const facts = (m: RfbClientMessage) => ({
  kind: m.kind,
  bytes: [...m.bytes],
  dropped: m.dropped,
  keysym: m.keysym,
  down: m.down,
  clipboardLength: m.clipboardLength,
})

describe('createRfbFilter: the handshake', () => {
  it.each([
    ['3.3', 'none'],
    ['3.3', 'vnc'],
    ['3.7', 'none'],
    ['3.7', 'vnc'],
    ['3.8', 'none'],
    ['3.8', 'vnc'],
  ] as const)('follows RFB %s with security %s, forwards it unchanged, reports nothing', (v, s) => {
    const filter = createRfbFilter({ observe: false, exclusive: false })
    const steps = handshake(v, s)
    const { toClient, toServer, reported } = runHandshake(filter, steps)
    expect(toClient.map((b) => [...b])).toEqual(steps.server.map((b) => [...b]))
    expect(toServer.map((b) => [...b])).toEqual(steps.client.map((b) => [...b]))
    expect(reported).toEqual([])
    // After it, the server's stream passes untouched and the client's is parsed as messages.
    const frame = bytes(0, 0, 0, 1, 9, 9, 9)
    expect(filter.fromServer(frame)).toBe(frame)
    expect(filter.fromClient(novnc('keyEvent', 0x61, 1)).messages[0]?.kind).toBe('key')
  })

  it('a 3.7 client whose first bytes would be messages in 3.8 is still in the handshake', () => {
    // 3.7 None has no SecurityResult: the very next server bytes are ServerInit, passed on.
    const filter = createRfbFilter({ observe: false, exclusive: false })
    runHandshake(filter, handshake('3.7', 'none'))
    const serverInit = concat(bytes(3, 32, 2, 88), new Uint8Array(20), u32(0))
    expect([...filter.fromServer(serverInit)]).toEqual([...serverInit])
  })

  it('takes the 3.8 dialects servers announce (3.889, 4.1, 5.0) and old ones as 3.3', () => {
    for (const greeting of ['RFB 003.889\n', 'RFB 004.001\n', 'RFB 005.000\n', 'RFB 003.006\n']) {
      const filter = createRfbFilter({ observe: false, exclusive: false })
      expect([...filter.fromServer(ascii(greeting))]).toEqual([...ascii(greeting)])
      filter.fromClient(ascii('RFB 003.008\n'))
      expect([...filter.fromServer(bytes(1, 1))]).toEqual([1, 1])
    }
  })

  it('forces the shared flag to 1, keeps it with exclusive', () => {
    for (const version of ['3.3', '3.7', '3.8'] as const) {
      const forced = createRfbFilter({ observe: false, exclusive: false })
      expect(runHandshake(forced, handshake(version, 'vnc', 0)).toServer.at(-1)).toEqual(bytes(1))
      const kept = createRfbFilter({ observe: false, exclusive: true })
      expect(runHandshake(kept, handshake(version, 'vnc', 0)).toServer.at(-1)).toEqual(bytes(0))
      const shared = createRfbFilter({ observe: true, exclusive: true })
      expect(runHandshake(shared, handshake(version, 'none', 1)).toServer.at(-1)).toEqual(bytes(1))
    }
  })

  it('rewrites the offered security types to None and VNC auth, in the server order', () => {
    const filter = createRfbFilter({ observe: false, exclusive: false })
    filter.fromServer(ascii('RFB 003.008\n'))
    filter.fromClient(ascii('RFB 003.008\n'))
    // VeNCrypt (19), VNC auth, Tight (16), None, RA2ne (6)
    expect([...filter.fromServer(bytes(5, 19, 2, 16, 1, 6))]).toEqual([2, 2, 1])
    // A client choosing what was removed is cut off.
    expect(() => filter.fromClient(bytes(19))).toThrow(RfbProtocolError)
  })

  it('refuses a server that offers nothing it can follow (TLS, VeNCrypt)', () => {
    const filter = createRfbFilter({ observe: false, exclusive: false })
    filter.fromServer(ascii('RFB 003.008\n'))
    filter.fromClient(ascii('RFB 003.008\n'))
    expect(() => filter.fromServer(bytes(2, 18, 19))).toThrow(
      /offers only security types 18, 19.*cannot follow/,
    )
  })

  it('refuses a 3.3 server that picks a type it cannot follow', () => {
    const filter = createRfbFilter({ observe: false, exclusive: false })
    filter.fromServer(ascii('RFB 003.003\n'))
    filter.fromClient(ascii('RFB 003.003\n'))
    expect(() => filter.fromServer(u32(16))).toThrow(RfbProtocolError)
  })

  it('passes a 3.8 auth failure and its reason, then refuses the client', () => {
    const filter = createRfbFilter({ observe: false, exclusive: false })
    const steps = handshake('3.8', 'vnc')
    filter.fromServer(steps.server[0]!)
    filter.fromClient(steps.client[0]!)
    filter.fromServer(steps.server[1]!)
    filter.fromClient(steps.client[1]!)
    filter.fromServer(steps.server[2]!)
    filter.fromClient(steps.client[2]!)
    const failure = concat(u32(1), u32(20), ascii('Authentication failed'.slice(0, 20)))
    expect([...filter.fromServer(failure)]).toEqual([...failure])
    expect(() => filter.fromClient(bytes(1))).toThrow(RfbProtocolError)
  })

  it.each(['3.3', '3.7'] as const)('passes a %s auth failure (no reason string)', (version) => {
    const filter = createRfbFilter({ observe: false, exclusive: false })
    const steps = handshake(version, 'vnc')
    steps.server[steps.server.length - 1] = u32(1)
    steps.client.pop() // no ClientInit after a failure
    const { toClient } = runHandshake(filter, steps)
    expect(toClient.at(-1)).toEqual(u32(1))
    expect(() => filter.fromServer(bytes(0))).toThrow(RfbProtocolError)
  })

  it('passes a server refusal (no types, a reason) on to the browser', () => {
    const reason = concat(u32(12), ascii('Too many VNC'))
    const filter37 = createRfbFilter({ observe: false, exclusive: false })
    filter37.fromServer(ascii('RFB 003.007\n'))
    filter37.fromClient(ascii('RFB 003.007\n'))
    expect([...filter37.fromServer(concat(bytes(0), reason))]).toEqual([0, ...reason])
    const filter33 = createRfbFilter({ observe: false, exclusive: false })
    filter33.fromServer(ascii('RFB 003.003\n'))
    filter33.fromClient(ascii('RFB 003.003\n'))
    expect([...filter33.fromServer(concat(u32(0), reason))]).toEqual([...u32(0), ...reason])
  })

  it('refuses bytes out of turn, from either side', () => {
    const early = createRfbFilter({ observe: false, exclusive: false })
    expect(() => early.fromClient(ascii('RFB 003.008\n'))).toThrow(/browser sent bytes out of turn/)
    const chatty = createRfbFilter({ observe: false, exclusive: false })
    chatty.fromServer(ascii('RFB 003.008\n'))
    expect(() => chatty.fromServer(bytes(1, 1))).toThrow(/VNC server sent bytes out of turn/)
    // ClientInit before a 3.8 SecurityResult.
    const eager = createRfbFilter({ observe: false, exclusive: false })
    eager.fromServer(ascii('RFB 003.008\n'))
    eager.fromClient(ascii('RFB 003.008\n'))
    eager.fromServer(bytes(1, 1))
    expect(() => eager.fromClient(bytes(1, 1))).toThrow(RfbProtocolError)
  })

  it('refuses a version that is not RFB, and the UltraVNC repeater', () => {
    for (const greeting of ['HTTP/1.1 200', 'RFB 000.000\n', 'RFB 3.8\n\n\n\n\n', 'SSH-2.0-Open']) {
      const filter = createRfbFilter({ observe: false, exclusive: false })
      expect(() => filter.fromServer(ascii(greeting))).toThrow(RfbProtocolError)
    }
    const filter = createRfbFilter({ observe: false, exclusive: false })
    filter.fromServer(ascii('RFB 003.008\n'))
    expect(() => filter.fromClient(ascii('GET / HTTP/1.'))).toThrow(RfbProtocolError)
  })

  it('refuses a failure reason past 64 KiB', () => {
    const filter = createRfbFilter({ observe: false, exclusive: false })
    filter.fromServer(ascii('RFB 003.008\n'))
    filter.fromClient(ascii('RFB 003.008\n'))
    expect(() => filter.fromServer(concat(bytes(0), u32(64 * 1024 + 1)))).toThrow(/failure reason/)
  })
})

describe('createRfbFilter: client messages', () => {
  it('parses every message noVNC sends, reports what it is, forwards it whole', () => {
    const filter = connected()
    for (const { name, bytes: message, facts: expected } of novncMessages()) {
      const { forward, messages: reported } = filter.fromClient(message)
      expect([...forward], name).toEqual([...message])
      expect(reported, name).toHaveLength(1)
      expect(reported[0], name).toMatchObject({ ...expected, dropped: false })
      expect([...reported[0]!.bytes], name).toEqual([...message])
    }
  })

  it('reports the extended clipboard length as sent (noVNC: a negative length)', () => {
    const provide = novnc('extendedClipboardProvide', [CLIPBOARD_TEXT], ['x'.repeat(5000)])
    const length = new DataView(provide.buffer).getInt32(4)
    expect(length).toBeLessThan(0)
    const [message] = connected().fromClient(provide).messages
    expect(message?.clipboardLength).toBe(-length)
    expect(message?.bytes.length).toBe(8 - length)
  })

  it('reads the 7-byte ExtendedMouseButtons pointer event once the client announced it', () => {
    const filter = connected()
    // Before -316 is announced, a PointerEvent is 6 bytes whatever its mask (button 8 = bit 7).
    const legacy = bytes(5, 0x80, 0, 1, 0, 2)
    expect(filter.fromClient(concat(legacy, legacy)).messages).toHaveLength(2)
    filter.fromClient(novnc('clientEncodings', NOVNC_ENCODINGS))
    const back = novnc('extendedPointerEvent', 10, 20, 1 << 7) // the "back" button
    expect(back).toHaveLength(7)
    const plain = novnc('pointerEvent', 10, 20, 1)
    const { forward, messages: reported } = filter.fromClient(concat(back, plain, back))
    expect(reported.map((m) => m.bytes.length)).toEqual([7, 6, 7])
    expect(forward).toHaveLength(20)
    // Announcing encodings without it again brings back 6-byte pointer events.
    filter.fromClient(novnc('clientEncodings', [0, -223]))
    expect(filter.fromClient(concat(legacy, legacy)).messages).toHaveLength(2)
  })

  it('parses QEMU audio messages (enable, disable, set format)', () => {
    const filter = connected()
    const enable = bytes(255, 1, 0, 0)
    const disable = bytes(255, 1, 0, 1)
    const format = concat(bytes(255, 1, 0, 2, 3, 2), u32(44100))
    const { forward, messages: reported } = filter.fromClient(concat(enable, format, disable))
    expect(reported.map((m) => [m.kind, m.bytes.length])).toEqual([
      ['qemu', 4],
      ['qemu', 10],
      ['qemu', 4],
    ])
    expect(forward).toHaveLength(18)
  })

  it('observe: drops every input message, reports it dropped, passes the rest', () => {
    const filter = connected({ observe: true })
    const all = novncMessages()
    const { forward, messages: reported } = filter.fromClient(concat(...all.map((m) => m.bytes)))
    const input = new Set(['key', 'qemuKey', 'pointer', 'clipboard', 'xvp', 'setDesktopSize'])
    expect(reported.map((m) => [m.kind, m.dropped])).toEqual(
      all.map((m) => [m.facts.kind, input.has(m.facts.kind!)]),
    )
    const passed = all.filter((m) => !input.has(m.facts.kind!)).map((m) => m.bytes)
    expect([...forward]).toEqual([...concat(...passed)])
    expect(passed.length).toBeGreaterThanOrEqual(5)
  })

  it('observe: an input-only chunk forwards nothing', () => {
    const filter = connected({ observe: true })
    const { forward } = filter.fromClient(
      concat(novnc('keyEvent', 0x61, 1), novnc('pointerEvent', 1, 1, 1)),
    )
    expect(forward).toHaveLength(0)
  })

  it('forwards a chunk of whole messages as the same bytes, without copying', () => {
    const filter = connected()
    const chunk = concat(novnc('pointerEvent', 1, 2, 0), novnc('fbUpdateRequest', true, 0, 0, 8, 8))
    const { forward } = filter.fromClient(chunk)
    expect(forward.buffer).toBe(chunk.buffer)
    expect(forward.byteLength).toBe(chunk.byteLength)
  })

  it('holds a message until it is whole', () => {
    const filter = connected()
    const key = novnc('keyEvent', 0x62, 0)
    expect(filter.fromClient(key.subarray(0, 3))).toEqual({ forward: bytes(), messages: [] })
    const rest = filter.fromClient(key.subarray(3))
    expect([...rest.forward]).toEqual([...key])
    expect(rest.messages.map(facts)).toEqual([
      {
        kind: 'key',
        bytes: [...key],
        dropped: false,
        keysym: 0x62,
        down: false,
        clipboardLength: undefined,
      },
    ])
  })
})

describe('createRfbFilter: garbage and caps', () => {
  it.each([1, 7, 8, 9, 127, 200, 249, 252, 253, 254])(
    'cuts off an unknown message type %i, and stays cut off',
    (type) => {
      const filter = connected()
      const before = novnc('keyEvent', 0x61, 1)
      expect(() => filter.fromClient(concat(before, bytes(type, 0, 0, 0, 0, 0, 0, 0)))).toThrow(
        new RfbProtocolError('client', `the browser sent an unknown RFB message type ${type}`),
      )
      expect(() => filter.fromClient(novnc('keyEvent', 0x61, 0))).toThrow(RfbProtocolError)
      expect(() => filter.fromServer(bytes(0))).toThrow(RfbProtocolError)
    },
  )

  it('cuts off unknown QEMU subtypes and audio operations', () => {
    expect(() => connected().fromClient(bytes(255, 2, 0, 0))).toThrow(/QEMU message subtype 2/)
    expect(() => connected().fromClient(bytes(255, 1, 0, 3))).toThrow(/QEMU audio operation 3/)
  })

  it('refuses a ClientCutText claiming 2 GiB at its header, before holding anything', () => {
    for (const length of [0x7fffffff, -0x7fffffff, -0x80000000, 1024 * 1024 - 7]) {
      const filter = connected()
      expect(() => filter.fromClient(concat(bytes(6, 0, 0, 0), u32(length)))).toThrow(
        /over the 1048576-byte limit/,
      )
    }
  })

  it('takes a clipboard message exactly at the cap, split in pieces', () => {
    const filter = connected()
    const text = new Uint8Array(1024 * 1024 - 8).fill(0x41)
    const message = concat(bytes(6, 0, 0, 0), u32(text.length), text)
    let forwarded = 0
    const reported: RfbClientMessage[] = []
    for (let offset = 0; offset < message.length; offset += 10_000) {
      const out = filter.fromClient(message.subarray(offset, offset + 10_000))
      forwarded += out.forward.length
      reported.push(...out.messages)
    }
    expect(forwarded).toBe(message.length)
    expect(reported.map((m) => m.clipboardLength)).toEqual([text.length])
  })

  it('takes a smaller cap from maxMessageBytes', () => {
    const filter = createRfbFilter({ observe: false, exclusive: false, maxMessageBytes: 1000 })
    runHandshake(filter, handshake('3.8', 'none'))
    expect(filter.fromClient(novnc('clientCutText', new Uint8Array(992))).messages).toHaveLength(1)
    expect(() => filter.fromClient(novnc('clientCutText', new Uint8Array(993)))).toThrow(
      /1001-byte RFB message, over the 1000-byte limit/,
    )
  })

  it('refuses SetEncodings past 1024 encodings and fences past 64 bytes', () => {
    expect(
      connected().fromClient(novnc('clientEncodings', new Array(1024).fill(0))).messages,
    ).toHaveLength(1)
    expect(() => connected().fromClient(bytes(2, 0, 0x04, 0x01))).toThrow(/1025 encodings/)
    expect(connected().fromClient(novnc('clientFence', 0, 'x'.repeat(64))).messages).toHaveLength(1)
    expect(() => connected().fromClient(concat(bytes(248, 0, 0, 0), u32(0), bytes(65)))).toThrow(
      /ClientFence carries 65 bytes/,
    )
  })

  it('throws only RfbProtocolError on random bytes, from either side, at any point', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 64 }),
        fc.boolean(),
        fc.constantFrom(0, 1, 2, 3, 4),
        (garbage, toServer, handshakeSteps) => {
          const filter = createRfbFilter({ observe: false, exclusive: false })
          const steps = handshake('3.8', 'vnc')
          const server = [...steps.server]
          const client = [...steps.client]
          for (let i = 0; i < handshakeSteps; i++) {
            const s = server.shift()
            if (s) filter.fromServer(s)
            const c = client.shift()
            if (c) filter.fromClient(c)
          }
          try {
            if (toServer) filter.fromServer(garbage)
            else filter.fromClient(garbage)
          } catch (error) {
            expect(error).toBeInstanceOf(RfbProtocolError)
          }
        },
      ),
    )
  })
})

describe('createRfbFilter: any split', () => {
  const message = fc.oneof(
    fc.constantFrom(...novncMessages().map((m) => m.bytes)),
    fc
      .tuple(fc.integer({ min: 0, max: 0xffffffff }), fc.boolean())
      .map(([k, d]) => novnc('keyEvent', k, d ? 1 : 0)),
    fc
      .tuple(fc.nat(0xffff), fc.nat(0xffff), fc.nat(0x1ff)) // noVNC: 9 buttons at most
      .map(([x, y, mask]) =>
        novnc(mask & 0x7f80 ? 'extendedPointerEvent' : 'pointerEvent', x, y, mask),
      ),
    fc.uint8Array({ maxLength: 3000 }).map((data) => novnc('clientCutText', data)),
    fc
      .string({ maxLength: 300 })
      .map((text) => novnc('extendedClipboardProvide', [CLIPBOARD_TEXT], [text])),
    fc
      .array(fc.integer({ min: -0x80000000, max: 0x7fffffff }), { maxLength: 40 })
      .map((encodings) => novnc('clientEncodings', [...encodings, EXTENDED_MOUSE_BUTTONS])),
    fc
      .string({ maxLength: 64, unit: 'binary-ascii' })
      .map((payload) => novnc('clientFence', 0, payload)),
    fc
      .nat(255)
      .map((screens) =>
        concat(bytes(251, 0, 4, 0, 3, 0, screens, 0), new Uint8Array(16 * screens)),
      ),
    fc.constantFrom(bytes(255, 1, 0, 0), concat(bytes(255, 1, 0, 2, 1, 2), u32(48000))),
  )

  /** Cuts `stream` at the given points (any, duplicates, out of order). */
  function cut(stream: Uint8Array, points: number[]): Uint8Array[] {
    const sorted = [...new Set(points.map((p) => p % (stream.length + 1)))].sort((a, b) => a - b)
    const chunks: Uint8Array[] = []
    let start = 0
    for (const point of [...sorted, stream.length]) {
      chunks.push(stream.subarray(start, point))
      start = point
    }
    return chunks
  }

  it('forwards the same bytes and reports the same messages for every split', () => {
    fc.assert(
      fc.property(
        fc.array(message, { maxLength: 30 }),
        fc.array(fc.nat(), { maxLength: 40 }),
        fc.boolean(),
        fc.constantFrom('3.3', '3.7', '3.8'),
        fc.constantFrom('none', 'vnc'),
        (list, points, observe, version, security) => {
          // The extended pointer form is only legal once the client announced it.
          const announce = novnc('clientEncodings', [0, EXTENDED_MOUSE_BUTTONS])
          const stream = concat(announce, ...list)
          const run = (chunks: Uint8Array[]) => {
            const filter = createRfbFilter({ observe, exclusive: false })
            runHandshake(filter, handshake(version, security))
            const forward: number[] = []
            const reported: ReturnType<typeof facts>[] = []
            for (const chunk of chunks) {
              const out = filter.fromClient(chunk)
              forward.push(...out.forward)
              reported.push(...out.messages.map(facts))
            }
            return { forward, reported }
          }
          const whole = run([stream])
          expect(run(cut(stream, points))).toEqual(whole)
          expect(whole.reported).toHaveLength(list.length + 1)
          if (!observe) expect(whole.forward).toEqual([...stream])
        },
      ),
      { numRuns: 300 },
    )
  })

  it('follows the handshake for every split of either side', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('3.3', '3.7', '3.8'),
        fc.constantFrom('none', 'vnc'),
        fc.array(fc.nat(), { maxLength: 8 }),
        (version, security, points) => {
          const steps = handshake(version, security, 0)
          const filter = createRfbFilter({ observe: false, exclusive: false })
          // Each handshake step arrives in pieces; the other side speaks only once it is whole.
          const split = (step: Handshake) => ({
            server: step.server.map((s) => cut(s, points)),
            client: step.client.map((c) => cut(c, points)),
          })
          const pieces = split(steps)
          const toClient: number[] = []
          const toServer: number[] = []
          const server = [...pieces.server]
          const client = [...pieces.client]
          for (const s of server.shift()!) toClient.push(...filter.fromServer(s))
          while (client.length > 0 || server.length > 0) {
            for (const c of client.shift() ?? []) toServer.push(...filter.fromClient(c).forward)
            for (const s of server.shift() ?? []) toClient.push(...filter.fromServer(s))
          }
          expect(toClient).toEqual(steps.server.flatMap((s) => [...s]))
          expect(toServer).toEqual([...steps.client.slice(0, -1).flatMap((c) => [...c]), 1])
        },
      ),
    )
  })
})
