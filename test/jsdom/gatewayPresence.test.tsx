// <GatewayConsole>'s presence indicator and observer note in jsdom, through real react-vnc, a
// real gateway and the fake cloud: two users on one VM see each other, the list opens from the
// keyboard, polling pauses while the page is hidden and stops on unmount, a gateway without
// presence is asked once, and an observer's console is view only and says so.
// It fails on the old code: GatewayConsole never asked `{path}/presence`, and had no observer UI
// (the gateway's `authorize` grants `observe`; its console answer says `mode: 'observe'`).
import { act, fireEvent, render, waitFor, within } from '@testing-library/react'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startFakeCloud } from '../../fake-cloud/startFakeCloud.ts'
import type { FakeCloudHandle } from '../../fake-cloud/types.ts'
import { GatewayConsole } from '../../src/react/consoles/GatewayConsole.js'
import { createConsoleGateway } from '../../src/server/createConsoleGateway.js'
import type { ConsoleGateway } from '../../src/server/types.js'
import { viewerLoader } from '../../src/react/lazy/viewerLoader.js'
import { vncScreenLoader } from '../../src/react/loaders/vncScreenLoader.js'
import { consoleRoot, waitForState } from '../support/console/index.js'

let cloud: FakeCloudHandle
let gateway: ConsoleGateway
let gatewayUrl: string
let presenceRequests = 0
const portal = createServer((request, response) => {
  if (request.url?.endsWith('/presence')) presenceRequests++
  void gateway.handleRequest(request, response)
})
portal.on(
  'upgrade',
  (request, socket, head) => gateway.upgrade(request, socket, head) || socket.destroy(),
)

beforeAll(async () => {
  cloud = await startFakeCloud({ builtInVnc: true })
  gateway = createConsoleGateway({
    // The header stands in for the portal's session; carol and dan may only watch.
    authorize: (request) => {
      const user = request.headers['x-user'] ?? 'nobody'
      return { user, mode: user === 'carol' || user === 'dan' ? 'observe' : 'control' }
    },
    providers: { cloudtower: { endpoint: cloud.url, username: 'admin', password: 'admin123' } },
  })
  await new Promise<void>((resolve) => portal.listen(0, '127.0.0.1', resolve))
  gatewayUrl = `http://127.0.0.1:${(portal.address() as AddressInfo).port}/consoles`
  // The code loads first, so the bounds below time the polling, not the test runner's transforms.
  await Promise.all([
    viewerLoader.load(),
    vncScreenLoader.load(),
    import('../../src/react/ui/toolbar/ConsolePresenceIndicator.js'),
  ])
}, 30_000)
afterAll(async () => {
  await gateway.close()
  portal.closeAllConnections()
  await new Promise((resolve) => portal.close(resolve))
  await cloud.close()
})

let visibility: DocumentVisibilityState = 'visible'
Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility })
const setVisibility = (state: DocumentVisibilityState) => {
  visibility = state
  act(() => void document.dispatchEvent(new Event('visibilitychange')))
}
afterEach(() => {
  visibility = 'visible'
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const indicator = (container: HTMLElement) =>
  container.querySelector<HTMLButtonElement>('[data-rvc-presence]')

function consoleOf(user: string, props: Partial<Parameters<typeof GatewayConsole>[0]> = {}) {
  return render(
    <GatewayConsole
      gateway={gatewayUrl}
      provider="cloudtower"
      vmId="vm-ubuntu-01"
      headers={{ 'x-user': user }}
      {...(props as object)}
    />,
  )
}

describe('GatewayConsole presence', () => {
  it('shows who else is on the VM within 2 s, in a keyboard list, and nothing once alone', async () => {
    const alice = consoleOf('alice')
    await waitForState(alice.container, 'connected')
    expect(indicator(alice.container)).toBeNull()
    const bob = consoleOf('bob', { locale: 'zh-CN' })
    await waitForState(bob.container, 'connected')
    const since = performance.now()
    await waitFor(
      () => expect(indicator(alice.container)?.textContent).toBe('Also on this console: bob'),
      {
        timeout: 2_000,
      },
    )
    await waitFor(
      () => expect(indicator(bob.container)?.textContent).toBe('同时在此控制台：alice'),
      {
        timeout: 2_000,
      },
    )
    console.info(
      `presence (jsdom): both saw each other ${Math.round(performance.now() - since)} ms after both connected`,
    )
    // Inside the toolbar, one of its controls.
    const button = indicator(alice.container)!
    expect(button.closest('[role="toolbar"]')).not.toBeNull()
    expect(button.getAttribute('aria-haspopup')).toBe('dialog')

    // Opened from the keyboard, it lists the viewers; Escape closes it and the focus returns.
    button.focus()
    fireEvent.click(button) // a button's Enter is a click
    const list = await waitFor(() => {
      const found = alice.container.querySelector<HTMLElement>('[data-rvc-presence-list]')
      expect(found).not.toBeNull()
      return found!
    })
    expect(button.getAttribute('aria-expanded')).toBe('true')
    expect(document.activeElement).toBe(list)
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.firstChild?.textContent),
    ).toEqual(['bob'])
    expect(list.textContent).toMatch(/since \d{2}:\d{2}/)
    fireEvent.keyDown(list, { key: 'Escape' })
    expect(alice.container.querySelector('[data-rvc-presence-list]')).toBeNull()
    expect(document.activeElement).toBe(button)

    bob.unmount()
    await waitFor(() => expect(indicator(alice.container)).toBeNull(), { timeout: 2_000 })
    alice.unmount()
  })

  it('asks every second while visible, not while hidden, and never after unmount', async () => {
    const alice = consoleOf('alice')
    await waitForState(alice.container, 'connected')
    await waitFor(() => expect(presenceRequests).toBeGreaterThan(0))
    let before = presenceRequests
    await sleep(2_300)
    const visible = presenceRequests - before
    expect(visible).toBeGreaterThanOrEqual(2)
    expect(visible).toBeLessThanOrEqual(4)

    setVisibility('hidden')
    await sleep(1_200) // a request under way when it hid may still land
    before = presenceRequests
    await sleep(2_300)
    expect(presenceRequests - before).toBe(0)
    setVisibility('visible')
    await waitFor(() => expect(presenceRequests).toBeGreaterThan(before), { timeout: 500 })

    alice.unmount()
    await sleep(1_200)
    before = presenceRequests
    await sleep(2_300)
    expect(presenceRequests - before).toBe(0)
  })

  it('asks a gateway without presence (404) once, and shows nothing', async () => {
    let asked = 0
    const noPresence: typeof fetch = (input, init) => {
      if (String(input).endsWith('/presence')) {
        asked++
        return Promise.resolve(
          Response.json(
            { error: { kind: 'not_found', message: 'No such route.' } },
            { status: 404 },
          ),
        )
      }
      return fetch(input, init)
    }
    const alice = consoleOf('alice', { fetch: noPresence })
    await waitForState(alice.container, 'connected')
    await waitFor(() => expect(asked).toBe(1))
    await sleep(2_300)
    expect(asked).toBe(1)
    expect(indicator(alice.container)).toBeNull()
    alice.unmount()
  })
})

describe('GatewayConsole observer', () => {
  it('is view only and says so, in English and Chinese', async () => {
    const carol = consoleOf('carol')
    await waitForState(carol.container, 'connected')
    const root = consoleRoot(carol.container)!
    expect(root.getAttribute('data-mode')).toBe('observe')
    expect(root.hasAttribute('data-view-only')).toBe(true)
    const note = carol.container.querySelector('[data-rvc-observing]')
    expect(note?.textContent).toBe('Observing: view only')
    expect(note?.closest('[role="toolbar"]')).not.toBeNull()
    carol.unmount()

    const dan = consoleOf('dan', { locale: 'zh-CN', toolbar: false })
    await waitForState(dan.container, 'connected')
    // Without a toolbar the note still shows, over the console.
    expect(dan.container.querySelector('[data-rvc-observing]')?.textContent).toBe(
      '观察模式：仅查看',
    )
    dan.unmount()
  })

  it('is not view only, and shows no note, for a console in control', async () => {
    const erin = consoleOf('erin')
    await waitForState(erin.container, 'connected')
    const root = consoleRoot(erin.container)!
    expect(root.getAttribute('data-mode')).toBe('control')
    expect(root.hasAttribute('data-view-only')).toBe(false)
    expect(erin.container.querySelector('[data-rvc-observing]')).toBeNull()
    erin.unmount()
  })
})
