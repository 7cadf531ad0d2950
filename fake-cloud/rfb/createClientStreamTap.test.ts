import { describe, expect, it } from 'vitest'
import { createClientStreamTap } from './createClientStreamTap.ts'
import type { RfbClientMessage } from './RfbClientMessage.ts'

const ascii = (text: string) => new TextEncoder().encode(text)
const qemuKey = (down: boolean, keysym: number, scancode: number) => {
  const bytes = new Uint8Array(12)
  const view = new DataView(bytes.buffer)
  view.setUint8(0, 255)
  view.setUint16(2, down ? 1 : 0)
  view.setUint32(4, keysym)
  view.setUint32(8, scancode)
  return bytes
}

describe('createClientStreamTap', () => {
  it('skips the 3.8 handshake and reads messages split at any byte', () => {
    const seen: RfbClientMessage[] = []
    const tap = createClientStreamTap((m) => seen.push(m))
    const stream = new Uint8Array([
      ...ascii('RFB 003.008\n'),
      1, // security None
      1, // ClientInit, shared
      4, 1, 0, 0, 0, 0, 0, 0x61, // KeyEvent a down
      ...qemuKey(false, 0x61, 0x1e),
    ]) // prettier-ignore
    for (const byte of stream) tap.push(Uint8Array.of(byte))
    expect(seen).toEqual([
      { type: 'key', down: true, keysym: 0x61 },
      { type: 'qemuKey', down: false, keysym: 0x61, scancode: 0x1e },
    ])
    expect(tap.error).toBeUndefined()
  })
  it('skips a VNC-auth response, and 3.3 has no security byte', () => {
    const seen: RfbClientMessage[] = []
    const auth = createClientStreamTap((m) => seen.push(m))
    auth.push(new Uint8Array([...ascii('RFB 003.008\n'), 2, ...new Uint8Array(16), 0]))
    auth.push(qemuKey(true, 0x41, 0x1e))
    const old = createClientStreamTap((m) => seen.push(m))
    old.push(new Uint8Array([...ascii('RFB 003.003\n'), 1, ...qemuKey(true, 0x42, 0x30)]))
    expect(seen.map((m) => m.type === 'qemuKey' && m.keysym)).toEqual([0x41, 0x42])
  })
  it('stops at bytes it cannot parse, and says why', () => {
    const tap = createClientStreamTap(() => {})
    tap.push(new Uint8Array([...ascii('RFB 003.008\n'), 1, 1, 99]))
    expect(tap.error).toMatch(/unknown client message type 99/)
  })
})
