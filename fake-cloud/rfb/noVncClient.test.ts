// @vitest-environment jsdom
// Drives the real noVNC client (1.7, the readable copy in node_modules) against the fake server, so
// the protocol details noVNC depends on are checked by noVNC itself, not by our own test client.
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket as NodeWebSocket } from 'ws'
import { listenRfbWebSocket } from './listenRfbWebSocket.ts'
import type { RfbWebSocketListener } from './listenRfbWebSocket.ts'
import { stubJsdomCanvas } from '../../test/support/stubJsdomCanvas.ts'

/** The slice of noVNC's RFB class this test uses (noVNC ships no types). */
interface NoVncRfb extends EventTarget {
  capabilities: { power: boolean }
  sendCtrlAltDel(): void
  clipboardPasteFrom(text: string): void
  machineReboot(): void
  disconnect(): void
}
type NoVncRfbClass = new (
  target: HTMLElement,
  url: string,
  options?: { credentials?: { password?: string }; wsProtocols?: string[] },
) => NoVncRfb

let RFB: NoVncRfbClass
let vm: RfbWebSocketListener | undefined
let rfb: NoVncRfb | undefined

beforeAll(async () => {
  stubJsdomCanvas()
  // jsdom's WebSocket can deliver the server's first bytes before 'open', which no browser does and
  // noVNC rejects; ws has the browser interface (onopen, binaryType…) and browser ordering.
  globalThis.WebSocket = NodeWebSocket as unknown as typeof WebSocket
  const specifier: string = '@novnc/novnc'
  RFB = ((await import(specifier)) as { default: NoVncRfbClass }).default
})

afterEach(async () => {
  rfb?.disconnect()
  rfb = undefined
  await vm?.close()
  vm = undefined
})

function connect(url: string, password?: string): Promise<NoVncRfb> {
  const client = new RFB(document.body.appendChild(document.createElement('div')), url, {
    credentials: { password },
  })
  rfb = client
  return new Promise((resolve, reject) => {
    client.addEventListener('connect', () => resolve(client))
    client.addEventListener('disconnect', () => reject(new Error('disconnected')))
    client.addEventListener('securityfailure', (event) =>
      reject(new Error(`security failure: ${JSON.stringify((event as CustomEvent).detail)}`)),
    )
  })
}

describe('real noVNC client', () => {
  it('connects with VNC auth, sends QEMU keys, pastes and reboots', async () => {
    vm = await listenRfbWebSocket({ password: 'pw', qemuKeys: true, xvp: true, frozenClock: true })
    const next = vm.server.nextSession()
    const client = await connect(`${vm.url}?token=t`, 'pw')
    const session = await next
    await session.waitUntil((s) => s.qemuKeysActive && s.updates.length > 0, 2000)
    expect(session.log.find((m) => m.type === 'setPixelFormat')).toEqual({
      type: 'setPixelFormat',
      pixelFormat: expect.objectContaining({
        bitsPerPixel: 32,
        depth: 24,
        redShift: 0,
        blueShift: 16,
      }),
    })
    await session.waitUntil(() => client.capabilities.power, 2000)
    client.sendCtrlAltDel()
    client.clipboardPasteFrom('copied')
    client.machineReboot()
    await session.waitUntil(
      (s) => s.keys.length === 6 && vm?.server.powerActions.length === 1,
      2000,
    )
    expect(session.keys.every((k) => k.via === 'qemuKey' && k.scancode !== undefined)).toBe(true)
    expect(session.keys.map((k) => k.keysym)).toEqual([
      0xffe3, 0xffe9, 0xffff, 0xffff, 0xffe9, 0xffe3,
    ])
    expect(session.clientCutTexts).toEqual(['copied'])
    expect(vm.server.powerActions).toEqual(['reboot'])
  })

  it('reports a wrong password as a security failure', async () => {
    vm = await listenRfbWebSocket({ password: 'pw' })
    await expect(connect(vm.url, 'nope')).rejects.toThrow(/security failure.*Authentication failed/)
  })
})
