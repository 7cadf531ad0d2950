// The toolbar through the REAL react-vnc/noVNC against the real RFB server: every control is
// checked by what reaches the server (keys, cut texts, XVP, encodings) or what the page gets.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { inflateSync } from 'node:zlib'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ConsoleViewer } from '../../src/react/lazy/ConsoleViewer.js'
import type { ConsoleViewerProps } from '../../src/react/types.js'
import { defaultKeyCombos } from '../../src/keys/defaultKeyCombos.js'
import { createUser, keysAt, receivedKeys, serve } from '../support/consoleUi.js'
import { consoleRoot, KEYSYM, stateOf, waitForState } from '../support/console/index.js'

afterEach(() => vi.restoreAllMocks())

const { ctrl: CTRL, alt: ALT, shift: SHIFT, altgr: ALTGR, super: SUPER } = KEYSYM
const { return: RETURN, tab: TAB, escape: ESCAPE, delete: DELETE, backspace: BACKSPACE } = KEYSYM

async function connectedConsole(
  options: Parameters<typeof serve>[0] = {},
  props: Partial<ConsoleViewerProps> = {},
) {
  const vm = await serve(options)
  const view = render(<ConsoleViewer url={vm.issue()} toolbar overlay {...props} />)
  await waitForState(view.container, 'connected')
  const session = vm.server.sessions[0]!
  const canvas = view.container.querySelector('[data-rvc-screen] canvas') as HTMLCanvasElement
  return { vm, session, canvas, ...view }
}

const openMenu = (user: ReturnType<typeof createUser>, name: string) =>
  user.click(screen.getByRole('button', { name }))

describe('Send keys', () => {
  // Each default entry: the keys pressed in order (then released in reverse).
  const expected: [combo: string, keysyms: number[]][] = [
    ['Ctrl+Alt+Delete', [CTRL, ALT, DELETE]],
    ['Ctrl+Alt+Backspace', [CTRL, ALT, BACKSPACE]],
    ...Array.from(
      { length: 12 },
      (_, i) => [`Ctrl+Alt+F${i + 1}`, [CTRL, ALT, KEYSYM.f(i + 1)]] as [string, number[]],
    ),
    ['Alt+Tab', [ALT, TAB]],
    ['Alt+F4', [ALT, KEYSYM.f(4)]],
    ['Escape', [ESCAPE]],
    ['Tab', [TAB]],
    ['PrintScreen', [KEYSYM.printscreen]],
    ['Super', [SUPER]],
  ]

  it('offers every default combination and sends its exact keysyms', async () => {
    expect(expected.map(([combo]) => combo)).toEqual(defaultKeyCombos)
    const user = createUser()
    const { session } = await connectedConsole()
    for (const [combo, keysyms] of expected) {
      const from = session.keys.length
      await openMenu(user, 'Send keys')
      const menu = screen.getByRole('menu', { name: 'Send keys' })
      await user.click(within(menu).getByRole('menuitem', { name: combo }))
      const sent = await receivedKeys(session, keysyms.length * 2, from)
      expect(sent, combo).toEqual([...keysyms, ...keysyms.toReversed().map((k) => -k)])
      expect(screen.queryByRole('menu')).toBeNull()
    }
  })

  it('works from the keyboard alone: arrows, Enter, focus back on the console', async () => {
    const user = createUser()
    const { session, canvas } = await connectedConsole()
    screen.getByRole('button', { name: 'Send keys' }).focus()
    await user.keyboard('{ArrowDown}')
    expect(document.activeElement).toHaveProperty('textContent', 'Ctrl+Alt+Delete')
    await user.keyboard('{ArrowDown}{Enter}')
    expect(await receivedKeys(session, 6)).toEqual([CTRL, ALT, BACKSPACE, -BACKSPACE, -ALT, -CTRL])
    expect(document.activeElement).toBe(canvas)
  })

  it('closes on Escape with the focus back on its button, sending nothing', async () => {
    const user = createUser()
    const { session } = await connectedConsole()
    const trigger = screen.getByRole('button', { name: 'Send keys' })
    await user.click(trigger)
    expect(trigger.getAttribute('aria-expanded')).toBe('true')
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('menu')).toBeNull()
    expect(document.activeElement).toBe(trigger)
    expect(session.keys).toHaveLength(0)
  })
})

describe('Sticky modifiers', () => {
  it('holds Ctrl and Super for the next menu key only, shown as pressed', async () => {
    const user = createUser()
    const { session } = await connectedConsole()
    const ctrl = screen.getByRole('button', { name: 'Ctrl' })
    const superKey = screen.getByRole('button', { name: 'Super' })
    await user.click(ctrl)
    await user.click(superKey)
    expect(ctrl.getAttribute('aria-pressed')).toBe('true')
    expect(superKey.getAttribute('aria-pressed')).toBe('true')
    await openMenu(user, 'Send keys')
    await user.click(screen.getByRole('menuitem', { name: 'Escape' }))
    expect(await receivedKeys(session, 6)).toEqual([CTRL, SUPER, ESCAPE, -ESCAPE, -SUPER, -CTRL])
    expect(ctrl.getAttribute('aria-pressed')).toBe('false')
    // Already in the combination: not pressed twice.
    await user.click(ctrl)
    await openMenu(user, 'Send keys')
    await user.click(screen.getByRole('menuitem', { name: 'Ctrl+Alt+Delete' }))
    expect(await receivedKeys(session, 6, 6)).toEqual([CTRL, ALT, DELETE, -DELETE, -ALT, -CTRL])
  })

  it('holds Alt for the next key typed on the keyboard', async () => {
    const user = createUser()
    const { session, canvas } = await connectedConsole()
    await user.click(screen.getByRole('button', { name: 'Alt' }))
    act(() => canvas.focus())
    fireEvent.keyDown(canvas, { key: 'F2', code: 'F2' })
    fireEvent.keyUp(canvas, { key: 'F2', code: 'F2' })
    expect(await receivedKeys(session, 4)).toEqual([ALT, KEYSYM.f(2), -KEYSYM.f(2), -ALT])
    fireEvent.keyDown(canvas, { key: 'a', code: 'KeyA' })
    fireEvent.keyUp(canvas, { key: 'a', code: 'KeyA' })
    expect(await receivedKeys(session, 2, 4)).toEqual([0x61, -0x61])
    expect(screen.getByRole('button', { name: 'Alt' }).getAttribute('aria-pressed')).toBe('false')
  })
})

describe('Type text', () => {
  async function typeThrough(user: ReturnType<typeof createUser>, text: string, layout: string) {
    await user.click(screen.getByRole('button', { name: 'Type text' }))
    const panel = screen.getByRole('dialog', { name: 'Type text into the VM' })
    fireEvent.change(within(panel).getByLabelText('Text to type, key by key'), {
      target: { value: text },
    })
    await user.selectOptions(within(panel).getByLabelText("VM's keyboard layout"), layout)
    await user.selectOptions(within(panel).getByLabelText('Delay between keys'), '5')
    await user.click(within(panel).getByRole('button', { name: 'Type' }))
    return panel
  }

  it('types US text with Shift, Return for newlines and Tab for tabs', async () => {
    const user = createUser()
    const { session } = await connectedConsole()
    const panel = await typeThrough(user, 'Hi!\r\n\tok', 'en-US')
    expect(await receivedKeys(session, 18)).toEqual([
      SHIFT, 0x48, -0x48, -SHIFT,
      0x69, -0x69,
      SHIFT, 0x21, -0x21, -SHIFT,
      RETURN, -RETURN,
      TAB, -TAB,
      0x6f, -0x6f,
      0x6b, -0x6b,
    ]) // prettier-ignore
    await waitFor(() =>
      expect(within(panel).getByRole('status').textContent).toBe('Finished typing 7 characters'),
    )
  })

  it('types German text with AltGr, Shift and the QWERTZ keys (QEMU scancodes)', async () => {
    const user = createUser()
    const { session } = await connectedConsole({ qemuKeys: true })
    await typeThrough(user, 'zY@ß{Ä', 'de-DE')
    expect(await receivedKeys(session, 20)).toEqual([
      0x7a, -0x7a,
      SHIFT, 0x59, -0x59, -SHIFT,
      ALTGR, 0x40, -0x40, -ALTGR,
      0xdf, -0xdf,
      ALTGR, 0x7b, -0x7b, -ALTGR,
      SHIFT, 0xc4, -0xc4, -SHIFT,
    ]) // prettier-ignore
    // QEMU hears the physical keys: z is the key labelled Y on US keyboards, @ is AltGr+Q.
    expect(session.keys.slice(0, 2).map((k) => k.scancode)).toEqual([0x15, 0x15])
    expect(session.keys.slice(6, 10).map((k) => k.scancode)).toEqual([0xb8, 0x10, 0x10, 0xb8])
  })

  it('types French AZERTY text, and a lone dead key as the accent and Space', async () => {
    const user = createUser()
    const { session } = await connectedConsole()
    await typeThrough(user, 'a1ê', 'fr-FR')
    expect(await receivedKeys(session, 10)).toEqual([
      0x61, -0x61,
      SHIFT, 0x31, -0x31, -SHIFT,
      0xfe52, -0xfe52, 0x65, -0x65,
    ]) // prettier-ignore
  })

  it('stops a long text midway, never leaving a modifier down', async () => {
    const user = createUser()
    const { session } = await connectedConsole()
    await user.click(screen.getByRole('button', { name: 'Type text' }))
    const panel = screen.getByRole('dialog', { name: 'Type text into the VM' })
    fireEvent.change(within(panel).getByLabelText('Text to type, key by key'), {
      target: { value: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.repeat(4) },
    })
    await user.selectOptions(within(panel).getByLabelText('Delay between keys'), '100')
    await user.click(within(panel).getByRole('button', { name: 'Type' }))
    await session.waitUntil((s) => s.keys.length >= 8)
    await user.click(within(panel).getByRole('button', { name: 'Stop typing' }))
    await waitFor(() => expect(within(panel).getByRole('status').textContent).toMatch(/^Stopped/))
    await new Promise((r) => setTimeout(r, 250))
    const keys = keysAt(session)
    expect(keys.length).toBeLessThan(104 * 4)
    expect(keys.length % 4).toBe(0)
    expect(keys.filter((k) => k === SHIFT).length).toBe(keys.filter((k) => k === -SHIFT).length)
    expect(within(panel).getByRole('status').textContent).toBe(
      `Stopped after ${keys.length / 4} of 104 characters`,
    )
  })
})

describe('Clipboard', () => {
  it('shows what the VM copied, copies it here, and sends text to the VM', async () => {
    const user = createUser()
    const writeText = vi.fn(async () => {})
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    const { vm, session } = await connectedConsole()
    vm.server.sendCutText('uname -a from the VM')
    await waitFor(() =>
      expect(
        consoleRoot(document.body)?.querySelector('[data-rvc-button][data-has-text]'),
      ).not.toBeNull(),
    )
    await user.click(screen.getByRole('button', { name: 'Clipboard' }))
    const panel = screen.getByRole('dialog', { name: 'VM clipboard' })
    expect(within(panel).getByLabelText('Copied in the VM')).toHaveProperty(
      'value',
      'uname -a from the VM',
    )
    await user.click(within(panel).getByRole('button', { name: 'Copy' }))
    expect(writeText).toHaveBeenCalledWith('uname -a from the VM')
    await user.type(within(panel).getByLabelText('Text for the VM clipboard'), 'passwd root')
    await user.click(within(panel).getByRole('button', { name: 'Send' }))
    await session.waitUntil((s) => s.clientCutTexts.length > 0)
    expect(session.clientCutTexts).toEqual(['passwd root'])
    expect(within(panel).getByRole('status').textContent).toBe('Sent to the VM clipboard')
  })
})

describe('Power', () => {
  it('is absent when the server has no power capability', async () => {
    await connectedConsole()
    expect(screen.queryByRole('button', { name: 'Power' })).toBeNull()
  })

  it.each([
    ['Shut down', 'shutdown'],
    ['Reboot', 'reboot'],
    ['Reset', 'reset'],
  ])('sends %s after a confirmation, recorded at the server', async (name, action) => {
    const user = createUser()
    const { vm } = await connectedConsole({ xvp: true })
    const power = await screen.findByRole('button', { name: 'Power' })
    await user.click(power)
    await user.click(
      within(screen.getByRole('dialog', { name: 'Power' })).getByRole('button', { name }),
    )
    expect(vm.server.powerActions).toEqual([])
    await user.click(
      within(screen.getByRole('dialog', { name: 'Power' })).getByRole('button', { name }),
    )
    await waitFor(() => expect(vm.server.powerActions).toEqual([action]))
  })
})

describe('Screenshot, display, fullscreen, pop-out, connection', () => {
  it('downloads a PNG of the framebuffer noVNC painted', async () => {
    const user = createUser()
    let saved: Blob | undefined
    let fileName = ''
    URL.createObjectURL = (blob: Blob) => ((saved = blob), 'blob:shot')
    URL.revokeObjectURL = () => {}
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      fileName = this.download
    })
    const { vm, canvas } = await connectedConsole({
      width: 32,
      height: 24,
      scene: false,
      desktopName: 'web-01',
    })
    act(() => vm.server.framebuffer.fillRect(0, 0, 32, 24, 0x3366cc))
    await waitFor(() =>
      expect(canvas.getContext('2d')!.getImageData(1, 1, 1, 1).data[2]).toBe(0xcc),
    )
    await user.click(screen.getByRole('button', { name: 'Screenshot' }))
    await waitFor(() => expect(saved).toBeDefined())
    expect(fileName).toMatch(/^web-01-\d{8}-\d{6}\.png$/)
    const png = Buffer.from(await saved!.arrayBuffer())
    expect(saved!.type).toBe('image/png')
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10]))
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([32, 24])
    const idat = png.indexOf('IDAT')
    const pixels = inflateSync(png.subarray(idat + 4, idat + 4 + png.readUInt32BE(idat - 4)))
    expect([...pixels.subarray(1, 5)]).toEqual([0x33, 0x66, 0xcc, 0xff])
    expect(document.activeElement).toBe(canvas)
  })

  it('changes scaling, quality and view-only live, without reconnecting', async () => {
    const user = createUser()
    const onViewSettingsChange = vi.fn()
    const { vm, session, container } = await connectedConsole({}, { onViewSettingsChange })
    await user.click(screen.getByRole('button', { name: 'Display' }))
    const panel = screen.getByRole('dialog', { name: 'Display settings' })
    await user.click(within(panel).getByRole('radio', { name: 'Actual size (scroll)' }))
    expect(consoleRoot(container)?.getAttribute('data-scaling')).toBe('none')
    await user.click(within(panel).getByRole('radio', { name: 'Resize the VM screen' }))
    expect(consoleRoot(container)?.getAttribute('data-scaling')).toBe('remote')
    fireEvent.change(within(panel).getByRole('slider', { name: 'Image quality (0–9)' }), {
      target: { value: '2' },
    })
    // noVNC announces the new quality as pseudo-encoding -32 + level.
    await session.waitUntil((s) =>
      s.log.some((m) => m.type === 'setEncodings' && m.encodings.includes(-30)),
    )
    await user.click(within(panel).getByRole('checkbox', { name: 'View only' }))
    expect(consoleRoot(container)?.hasAttribute('data-view-only')).toBe(true)
    expect(screen.getByRole('button', { name: 'Send keys' })).toHaveProperty('disabled', true)
    expect(onViewSettingsChange).toHaveBeenLastCalledWith({
      scaling: 'remote',
      viewOnly: true,
      qualityLevel: 2,
      compressionLevel: 2,
    })
    expect(vm.seen).toHaveLength(1)
  })

  it('goes fullscreen with the whole console through the Fullscreen API', async () => {
    const user = createUser()
    Object.defineProperty(document, 'fullscreenEnabled', { value: true, configurable: true })
    let fullscreenElement: Element | null = null
    Object.defineProperty(document, 'fullscreenElement', {
      get: () => fullscreenElement,
      configurable: true,
    })
    const setFullscreen = (element: Element | null) => {
      fullscreenElement = element
      document.dispatchEvent(new Event('fullscreenchange'))
    }
    Element.prototype.requestFullscreen = async function (this: Element) {
      setFullscreen(this)
    }
    document.exitFullscreen = async () => setFullscreen(null)
    try {
      const { container } = await connectedConsole()
      await user.click(screen.getByRole('button', { name: 'Fullscreen' }))
      expect(fullscreenElement).toBe(consoleRoot(container))
      const exit = await screen.findByRole('button', { name: 'Exit fullscreen' })
      expect(exit.getAttribute('aria-pressed')).toBe('true')
      expect(consoleRoot(container)?.hasAttribute('data-fullscreen')).toBe(true)
      await user.click(exit)
      expect(fullscreenElement).toBeNull()
    } finally {
      Reflect.deleteProperty(document, 'fullscreenEnabled')
      Reflect.deleteProperty(document, 'fullscreenElement')
    }
  })

  it('pops out to the app page (no token in it) and closes here', async () => {
    const user = createUser()
    const fake = { opener: window } as unknown as Window
    const open = vi.spyOn(window, 'open').mockReturnValue(fake)
    const onPopOut = vi.fn()
    const { container, session } = await connectedConsole(
      {},
      { popOutUrl: '/vms/42/console', onPopOut },
    )
    await user.click(screen.getByRole('button', { name: 'Open in a new window' }))
    expect(open).toHaveBeenCalledWith('/vms/42/console', expect.any(String), expect.any(String))
    expect(fake.opener).toBeNull()
    expect(onPopOut).toHaveBeenCalledTimes(1)
    expect(stateOf(consoleRoot(container))).toBe('disconnected')
    expect(screen.getByText('The console was opened in a new window.')).toBeTruthy()
    await waitFor(() => expect(session.state).toBe('closed'))
  })

  it('disconnects and reconnects with fresh credentials', async () => {
    const user = createUser()
    const vm = await serve()
    const getUrl = vi.fn(async () => vm.issue())
    const { container } = render(<ConsoleViewer getUrl={getUrl} toolbar />)
    await waitForState(container, 'connected')
    await user.click(screen.getByRole('button', { name: 'Disconnect' }))
    expect(stateOf(consoleRoot(container))).toBe('disconnected')
    await user.click(screen.getByRole('button', { name: 'Connect' }))
    await waitForState(container, 'connected')
    await user.click(screen.getByRole('button', { name: 'Reconnect' }))
    await waitFor(() => expect(getUrl).toHaveBeenCalledTimes(3))
    await waitForState(container, 'connected')
    expect(new Set(vm.seen).size).toBe(3)
  })

  it('composes consumer handlers: preventDefault replaces the built-in action', async () => {
    const user = createUser()
    const vm = await serve()
    const { ConsoleToolbar } = await import('../../src/react/ui/toolbar/ConsoleToolbar.js')
    const { ConsoleDisconnectButton } =
      await import('../../src/react/ui/toolbar/ConsoleDisconnectButton.js')
    const onClick = vi.fn((event: { preventDefault(): void }) => event.preventDefault())
    const { container } = render(
      <ConsoleViewer
        url={vm.issue()}
        toolbar={
          <ConsoleToolbar className="mine">
            <ConsoleDisconnectButton onClick={onClick} />
          </ConsoleToolbar>
        }
      />,
    )
    await waitForState(container, 'connected')
    expect(container.querySelector('[role="toolbar"]')!.className).toBe('mine')
    await user.click(screen.getByRole('button', { name: 'Disconnect' }))
    expect(onClick).toHaveBeenCalledTimes(1)
    expect(stateOf(consoleRoot(container))).toBe('connected')
  })
})

describe('A rearranged toolbar', () => {
  it('moves with the arrow keys between parts placed directly inside it', async () => {
    const user = createUser()
    const { ConsoleToolbar } = await import('../../src/react/ui/toolbar/ConsoleToolbar.js')
    const { ConsoleReconnectButton } =
      await import('../../src/react/ui/toolbar/ConsoleReconnectButton.js')
    const { ConsoleDisconnectButton } =
      await import('../../src/react/ui/toolbar/ConsoleDisconnectButton.js')
    await connectedConsole(
      {},
      {
        toolbar: (
          <ConsoleToolbar>
            <ConsoleDisconnectButton />
            <ConsoleReconnectButton />
          </ConsoleToolbar>
        ),
      },
    )
    const disconnect = screen.getByRole('button', { name: 'Disconnect' })
    disconnect.focus()
    await user.keyboard('{ArrowRight}')
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Reconnect' }))
    await user.keyboard('{ArrowRight}')
    expect(document.activeElement).toBe(disconnect)
  })
})
