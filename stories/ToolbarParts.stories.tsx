import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import {
  ConsoleClipboardPanel,
  ConsoleDisconnectButton,
  ConsoleDisplayPanel,
  ConsoleFullscreenButton,
  ConsoleKeyboardButton,
  ConsolePopOutButton,
  ConsolePowerMenu,
  ConsoleReconnectButton,
  ConsoleScreenshotButton,
  ConsoleSendKeysMenu,
  ConsoleStatusIndicator,
  ConsoleStickyModifiers,
  ConsoleToolbar,
  ConsoleToolbarButton,
  ConsoleTypeTextPanel,
  ConsoleViewer,
} from '../src/index.js'
import { mockRfb, type MockRfbOptions } from './support/mockRfb.js'
import { VIEWER_STYLE } from './support/viewerFrame.js'
import { consoleRoot } from './support/consoleRoot.js'

const BASE = 'ws://vnc.mock.test/websockify/parts'

/** One mock VM per story (its own record), all registered for the whole file (the docs page too). */
function vm(name: string, options: MockRfbOptions = {}) {
  const mock = mockRfb(`${BASE}/${name}`, { desktopName: `parts-${name}`, ...options })
  return { ...mock, url: `${BASE}/${name}?token=abc`, desktopName: `parts-${name}` }
}

const VMS = {
  status: vm('status'),
  dropping: vm('dropping', { dropAfterMs: 300 }),
  keyboard: vm('keyboard'),
  sendKeys: vm('send-keys'),
  combos: vm('combos'),
  sticky: vm('sticky'),
  typeText: vm('type-text'),
  clipboard: vm('clipboard', { clipboardText: 'echo from the VM' }),
  display: vm('display'),
  screenshot: vm('screenshot'),
  fullscreen: vm('fullscreen'),
  popOut: vm('pop-out'),
  noPower: vm('no-power'),
  power: vm('power', { xvp: true }),
  powerNow: vm('power-now', { xvp: true }),
  reconnect: vm('reconnect'),
  disconnect: vm('disconnect'),
  ownButton: vm('own-button'),
  custom: vm('custom', { xvp: true }),
}

/**
 * Each toolbar part on its own, in a `<ConsoleToolbar>` passed as the viewer's `toolbar`: the
 * parts read the console (status, handle, settings, labels) from the viewer's context, so they
 * work anywhere under a `<ConsoleViewer>`. The VMs are mock RFB servers (MSW WebSocket links).
 */
const meta = {
  title: 'Components/Toolbar parts',
  component: ConsoleViewer,
  subcomponents: {
    ConsoleToolbar,
    ConsoleStatusIndicator,
    ConsoleKeyboardButton,
    ConsoleSendKeysMenu,
    ConsoleStickyModifiers,
    ConsoleTypeTextPanel,
    ConsoleClipboardPanel,
    ConsoleDisplayPanel,
    ConsoleScreenshotButton,
    ConsoleFullscreenButton,
    ConsolePopOutButton,
    ConsolePowerMenu,
    ConsoleReconnectButton,
    ConsoleDisconnectButton,
    ConsoleToolbarButton,
  },
  args: { reconnect: false, style: { ...VIEWER_STYLE, height: 440 } },
  argTypes: { toolbar: { control: false }, style: { control: false } },
  parameters: {
    msw: Object.values(VMS).map((mock) => mock.handler),
    docs: {
      description: {
        component:
          'The parts of the built-in toolbar, exported one by one. Each story puts one part (or a ' +
          'few, in an app’s own order) in a `<ConsoleToolbar>` given as `toolbar`; a part works ' +
          'anywhere under a `<ConsoleViewer>`, since it reads the console from context.',
      },
    },
  },
} satisfies Meta<typeof ConsoleViewer>

export default meta
type Story = StoryObj<typeof meta>

/** The viewer's root (not a menu's `data-state`). */
async function connected(canvasElement: HTMLElement): Promise<HTMLElement> {
  const root = await consoleRoot(canvasElement)
  await waitFor(() => expect(root).toHaveAttribute('data-state', 'connected'), { timeout: 5_000 })
  return root
}

function toolbarOf(canvasElement: HTMLElement) {
  return within(within(canvasElement).getByRole('toolbar', { name: 'Console controls' }))
}

const CTRL = 0xffe3
const ALT = 0xffe9
const DELETE = 0xffff

/** The keysyms pressed (down events only) since `from`. */
function downs(keys: { keysym: number; down: boolean }[], from: number): number[] {
  return keys
    .slice(from)
    .filter((key) => key.down)
    .map((key) => key.keysym)
}

export const StatusIndicator: Story = {
  args: {
    url: VMS.status.url,
    toolbar: (
      <ConsoleToolbar>
        <ConsoleStatusIndicator />
      </ConsoleToolbar>
    ),
  },
  play: async ({ canvasElement }) => {
    await connected(canvasElement)
    const status = canvasElement.querySelector('[data-rvc-status]')
    await waitFor(() => expect(status).toHaveTextContent('Connected to parts-status'))
    expect(status).toHaveAttribute('data-state', 'connected')
  },
}

export const StatusIndicatorReconnecting: Story = {
  name: 'StatusIndicator: reconnecting',
  args: {
    url: VMS.dropping.url,
    // A long first delay so the countdown stays on screen.
    reconnect: { baseDelayMs: 60_000, maxDelayMs: 60_000, maxAttempts: 3, jitter: 0 },
    toolbar: (
      <ConsoleToolbar>
        <ConsoleStatusIndicator />
      </ConsoleToolbar>
    ),
  },
  play: async ({ canvasElement, step }) => {
    const root = await consoleRoot(canvasElement)
    const status = canvasElement.querySelector('[data-rvc-status]')
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'disconnected'), {
      timeout: 5_000,
    })
    await waitFor(() =>
      expect(status).toHaveTextContent(/^Connection lost\. Reconnecting in (5\d|60) s/),
    )
    await step('Cancel stops the countdown', async () => {
      await userEvent.click(within(status as HTMLElement).getByRole('button', { name: 'Cancel' }))
      await waitFor(() => expect(status).toHaveTextContent(/^Disconnected$/))
      expect(root).not.toHaveAttribute('data-next-retry-at')
      expect(within(status as HTMLElement).queryByRole('button')).toBeNull()
    })
  },
}

export const KeyboardButton: Story = {
  args: {
    url: VMS.keyboard.url,
    toolbar: (
      <ConsoleToolbar>
        <ConsoleKeyboardButton />
      </ConsoleToolbar>
    ),
  },
  play: async ({ canvasElement, step }) => {
    const root = await connected(canvasElement)
    const toolbar = toolbarOf(canvasElement)
    const button = await toolbar.findByRole('button', { name: 'Capture keyboard' })
    expect(button).toHaveAttribute('aria-pressed', 'false')
    await step('capture: the canvas has the focus, the button is pressed', async () => {
      await userEvent.click(button)
      await waitFor(() => expect(root).toHaveAttribute('data-keyboard', 'captured'))
      expect(button).toHaveAttribute('aria-pressed', 'true')
      expect(button).toHaveAccessibleName('Release keyboard (Ctrl+Alt+Shift)')
      expect(document.activeElement?.tagName).toBe('CANVAS')
    })
    await step('release: the console element has the focus', async () => {
      await userEvent.click(button)
      await waitFor(() => expect(root).toHaveAttribute('data-keyboard', 'released'))
      expect(button).toHaveAttribute('aria-pressed', 'false')
      expect(button).toHaveAccessibleName('Capture keyboard')
      expect(document.activeElement).toHaveAttribute('data-rvc-screen')
    })
  },
}

export const SendKeysMenu: Story = {
  args: {
    url: VMS.sendKeys.url,
    toolbar: (
      <ConsoleToolbar>
        <ConsoleSendKeysMenu />
      </ConsoleToolbar>
    ),
  },
  play: async ({ canvasElement, step }) => {
    await connected(canvasElement)
    const toolbar = toolbarOf(canvasElement)
    const trigger = toolbar.getByRole('button', { name: 'Send keys' })
    await waitFor(() => expect(trigger).toBeEnabled())
    expect(trigger).toHaveAttribute('aria-haspopup', 'menu')
    expect(trigger).toHaveAttribute('aria-expanded', 'false')
    await step('the menu lists the default combinations', async () => {
      await userEvent.click(trigger)
      const menu = toolbar.getByRole('menu', { name: 'Send keys' })
      expect(trigger).toHaveAttribute('aria-expanded', 'true')
      const items = within(menu).getAllByRole('menuitem')
      expect(items).toHaveLength(20)
      expect(items[0]).toHaveAccessibleName('Ctrl+Alt+Delete')
      expect(within(menu).getByRole('group', { name: 'Ctrl+Alt+F1…F12' })).toBeInTheDocument()
      expect(within(menu).getByRole('menuitem', { name: 'Ctrl+Alt+F12' })).toHaveTextContent(
        /^F12$/,
      )
      await waitFor(() => expect(items[0]).toHaveFocus())
      await userEvent.keyboard('{ArrowDown}')
      expect(items[1]).toHaveAccessibleName('Ctrl+Alt+Backspace')
      expect(items[1]).toHaveFocus()
      await userEvent.keyboard('{Escape}')
      expect(toolbar.queryByRole('menu')).toBeNull()
      expect(trigger).toHaveFocus()
    })
    await step('Ctrl+Alt+Delete reaches the VM', async () => {
      const before = VMS.sendKeys.record.keys.length
      await userEvent.click(trigger)
      await userEvent.click(toolbar.getByRole('menuitem', { name: 'Ctrl+Alt+Delete' }))
      expect(toolbar.queryByRole('menu')).toBeNull()
      await waitFor(() =>
        expect(VMS.sendKeys.record.keys.slice(before)).toEqual([
          { keysym: CTRL, down: true },
          { keysym: ALT, down: true },
          { keysym: DELETE, down: true },
          { keysym: DELETE, down: false },
          { keysym: ALT, down: false },
          { keysym: CTRL, down: false },
        ]),
      )
    })
  },
}

export const SendKeysMenuCustomCombos: Story = {
  name: 'SendKeysMenu: own combos',
  args: {
    url: VMS.combos.url,
    toolbar: (
      <ConsoleToolbar>
        <ConsoleSendKeysMenu combos={['Ctrl+Alt+Delete', 'Alt+SysRq+B', 'Ctrl+C']} />
      </ConsoleToolbar>
    ),
  },
  play: async ({ canvasElement }) => {
    await connected(canvasElement)
    const toolbar = toolbarOf(canvasElement)
    const trigger = toolbar.getByRole('button', { name: 'Send keys' })
    await waitFor(() => expect(trigger).toBeEnabled())
    await userEvent.click(trigger)
    const items = within(toolbar.getByRole('menu')).getAllByRole('menuitem')
    expect(items.map((item) => item.textContent)).toEqual([
      'Ctrl+Alt+Delete',
      'Alt+SysRq+B',
      'Ctrl+C',
    ])
    const before = VMS.combos.record.keys.length
    await userEvent.click(items[2] as HTMLElement)
    await waitFor(() => expect(downs(VMS.combos.record.keys, before)).toEqual([CTRL, 0x63]))
  },
}

export const StickyModifiers: Story = {
  args: {
    url: VMS.sticky.url,
    toolbar: (
      <ConsoleToolbar>
        <ConsoleStickyModifiers />
      </ConsoleToolbar>
    ),
  },
  play: async ({ canvasElement, step }) => {
    const root = await connected(canvasElement)
    const group = within(toolbarOf(canvasElement).getByRole('group', { name: /modifier/ }))
    expect(group.getAllByRole('button').map((button) => button.textContent)).toEqual([
      'Ctrl',
      'Alt',
      'Super',
    ])
    const ctrl = group.getByRole('button', { name: 'Ctrl' })
    await waitFor(() => expect(ctrl).toBeEnabled())
    expect(ctrl).toHaveAttribute('aria-pressed', 'false')
    await step('Ctrl toggles on and off', async () => {
      await userEvent.click(ctrl)
      expect(ctrl).toHaveAttribute('aria-pressed', 'true')
      await userEvent.click(ctrl)
      expect(ctrl).toHaveAttribute('aria-pressed', 'false')
    })
    await step('a held Ctrl goes with the next key, then lets go', async () => {
      await userEvent.click(ctrl)
      expect(ctrl).toHaveAttribute('aria-pressed', 'true')
      const canvas = root.querySelector('canvas')
      if (!canvas) throw new Error('no canvas')
      const before = VMS.sticky.record.keys.length
      await userEvent.click(canvas)
      await userEvent.keyboard('a')
      await waitFor(() => expect(downs(VMS.sticky.record.keys, before)).toEqual([CTRL, 0x61]))
      await waitFor(() =>
        expect(VMS.sticky.record.keys.slice(before).filter((k) => !k.down)).toHaveLength(2),
      )
      expect(ctrl).toHaveAttribute('aria-pressed', 'false')
    })
  },
}

export const TypeTextPanel: Story = {
  args: {
    url: VMS.typeText.url,
    toolbar: (
      <ConsoleToolbar>
        <ConsoleTypeTextPanel delays={[5, 50]} defaultDelayMs={5} />
      </ConsoleToolbar>
    ),
  },
  play: async ({ canvasElement, step }) => {
    await connected(canvasElement)
    const toolbar = toolbarOf(canvasElement)
    const trigger = toolbar.getByRole('button', { name: 'Type text' })
    await waitFor(() => expect(trigger).toBeEnabled())
    await userEvent.click(trigger)
    const panel = within(toolbar.getByRole('dialog', { name: 'Type text into the VM' }))
    const text = panel.getByRole('textbox', { name: 'Text to type, key by key' })
    await waitFor(() => expect(text).toHaveFocus())
    expect(panel.getByRole('combobox', { name: "VM's keyboard layout" })).toHaveValue('en-US')
    const pace = panel.getByRole('combobox', { name: 'Delay between keys' })
    expect(
      within(pace)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['5 ms', '50 ms'])
    expect(panel.getByRole('button', { name: 'Type' })).toBeDisabled()
    await step('typing "Hi!" presses Shift where it is needed', async () => {
      const before = VMS.typeText.record.keys.length
      await userEvent.type(text, 'Hi!')
      await userEvent.click(panel.getByRole('button', { name: 'Type' }))
      await waitFor(() =>
        expect(panel.getByRole('status')).toHaveTextContent('Finished typing 3 characters'),
      )
      const SHIFT = 0xffe1
      expect(downs(VMS.typeText.record.keys, before)).toEqual([SHIFT, 0x48, 0x69, SHIFT, 0x21])
    })
  },
}

export const ClipboardPanel: Story = {
  args: {
    url: VMS.clipboard.url,
    toolbar: (
      <ConsoleToolbar>
        <ConsoleClipboardPanel />
      </ConsoleToolbar>
    ),
  },
  play: async ({ canvasElement, step }) => {
    await connected(canvasElement)
    const toolbar = toolbarOf(canvasElement)
    const trigger = toolbar.getByRole('button', { name: 'Clipboard' })
    // The mock VM copies a text as soon as the session starts (ServerCutText).
    await waitFor(() => expect(trigger).toHaveAttribute('data-has-text'))
    await userEvent.click(trigger)
    const panel = within(toolbar.getByRole('dialog', { name: 'VM clipboard' }))
    await step('what the VM copied, with Copy', async () => {
      expect(panel.getByRole('textbox', { name: 'Copied in the VM' })).toHaveValue(
        'echo from the VM',
      )
      expect(panel.getByRole('button', { name: 'Copy' })).toBeEnabled()
    })
    await step('text sent to the VM clipboard (ClientCutText)', async () => {
      const send = panel.getByRole('button', { name: 'Send' })
      expect(send).toBeDisabled()
      await userEvent.type(panel.getByRole('textbox', { name: 'Text for the VM clipboard' }), 'pwd')
      await userEvent.click(send)
      await waitFor(() => expect(VMS.clipboard.record.clipboard.at(-1)).toBe('pwd'))
      expect(panel.getByRole('status')).toHaveTextContent('Sent to the VM clipboard')
    })
    await userEvent.click(panel.getByRole('button', { name: 'Close' }))
    expect(toolbar.queryByRole('dialog')).toBeNull()
  },
}

const onViewSettingsChange = fn()
export const DisplayPanel: Story = {
  args: {
    url: VMS.display.url,
    onViewSettingsChange,
    toolbar: (
      <ConsoleToolbar>
        <ConsoleDisplayPanel />
      </ConsoleToolbar>
    ),
  },
  play: async ({ canvasElement, step }) => {
    const root = await connected(canvasElement)
    const toolbar = toolbarOf(canvasElement)
    await userEvent.click(toolbar.getByRole('button', { name: 'Display' }))
    const panel = within(toolbar.getByRole('dialog', { name: 'Display settings' }))
    expect(panel.getByRole('radio', { name: 'Fit to window' })).toBeChecked()
    expect(root).toHaveAttribute('data-scaling', 'fit')
    await step('1:1 with scrolling, at once', async () => {
      await userEvent.click(panel.getByRole('radio', { name: 'Actual size (scroll)' }))
      expect(root).toHaveAttribute('data-scaling', 'none')
      expect(onViewSettingsChange).toHaveBeenLastCalledWith(
        expect.objectContaining({ scaling: 'none', viewOnly: false }),
      )
    })
    await step('view only', async () => {
      await userEvent.click(panel.getByRole('checkbox', { name: 'View only' }))
      expect(root).toHaveAttribute('data-view-only')
      expect(onViewSettingsChange).toHaveBeenLastCalledWith(
        expect.objectContaining({ viewOnly: true }),
      )
      // Still connected: display settings never reconnect.
      expect(root).toHaveAttribute('data-state', 'connected')
      expect(VMS.display.record.sessions).toBeGreaterThan(0)
    })
    expect(panel.getByRole('slider', { name: 'Image quality (0–9)' })).toBeInTheDocument()
    expect(panel.getByRole('slider', { name: 'Compression (0–9)' })).toBeInTheDocument()
  },
}

const onCapture = fn()
export const ScreenshotButton: Story = {
  args: {
    url: VMS.screenshot.url,
    toolbar: (
      <ConsoleToolbar>
        <ConsoleScreenshotButton onCapture={onCapture} />
      </ConsoleToolbar>
    ),
  },
  play: async ({ canvasElement }) => {
    const root = await connected(canvasElement)
    // The first frame is on the canvas before the picture is worth taking.
    await waitFor(() => expect(root.querySelector('canvas')?.width).toBe(640))
    const button = toolbarOf(canvasElement).getByRole('button', { name: 'Screenshot' })
    await waitFor(() => expect(button).toBeEnabled())
    onCapture.mockClear()
    await userEvent.click(button)
    await waitFor(() => expect(onCapture).toHaveBeenCalledTimes(1))
    const [png, fileName] = onCapture.mock.calls[0] as [Blob, string]
    expect(png.type).toBe('image/png')
    expect(png.size).toBeGreaterThan(0)
    expect(fileName).toMatch(/^parts-screenshot-\d{8}-\d{6}\.png$/)
  },
}

/**
 * The Fullscreen API is simulated in this story: the test page may run in a frame that does not
 * allow fullscreen, and a scripted click is no user gesture.
 */
function simulateFullscreen(): () => void {
  let current: Element | null = null
  const change = (element: Element | null) => {
    current = element
    document.dispatchEvent(new Event('fullscreenchange'))
  }
  Object.defineProperty(document, 'fullscreenEnabled', { configurable: true, value: true })
  Object.defineProperty(document, 'fullscreenElement', { configurable: true, get: () => current })
  Object.defineProperty(document, 'exitFullscreen', {
    configurable: true,
    value: async () => change(null),
  })
  Object.defineProperty(HTMLElement.prototype, 'requestFullscreen', {
    configurable: true,
    value: async function (this: HTMLElement) {
      change(this)
    },
  })
  return () => {
    for (const key of ['fullscreenEnabled', 'fullscreenElement', 'exitFullscreen']) {
      Reflect.deleteProperty(document, key)
    }
    Reflect.deleteProperty(HTMLElement.prototype, 'requestFullscreen')
  }
}

export const FullscreenButton: Story = {
  args: {
    url: VMS.fullscreen.url,
    toolbar: (
      <ConsoleToolbar>
        <ConsoleFullscreenButton />
      </ConsoleToolbar>
    ),
  },
  parameters: {
    docs: {
      description: {
        story:
          'The Fullscreen API is simulated here (a scripted click is no user gesture); without ' +
          'the API the button renders nothing.',
      },
    },
  },
  beforeEach: () => simulateFullscreen(),
  play: async ({ canvasElement, step }) => {
    const root = await connected(canvasElement)
    const button = toolbarOf(canvasElement).getByRole('button', { name: 'Fullscreen' })
    expect(button).toHaveAttribute('aria-pressed', 'false')
    await step('enter', async () => {
      await userEvent.click(button)
      await waitFor(() => expect(button).toHaveAttribute('aria-pressed', 'true'))
      expect(button).toHaveAccessibleName('Exit fullscreen')
      expect(root).toHaveAttribute('data-fullscreen')
      expect(document.fullscreenElement).toBe(root)
    })
    await step('leave', async () => {
      await userEvent.click(button)
      await waitFor(() => expect(button).toHaveAttribute('aria-pressed', 'false'))
      expect(button).toHaveAccessibleName('Fullscreen')
      expect(root).not.toHaveAttribute('data-fullscreen')
    })
  },
}

const onPopOut = fn()
export const PopOutButton: Story = {
  args: {
    url: VMS.popOut.url,
    onPopOut,
    toolbar: (
      <ConsoleToolbar>
        <ConsoleStatusIndicator />
        <ConsolePopOutButton />
      </ConsoleToolbar>
    ),
  },
  play: async ({ canvasElement }) => {
    const root = await connected(canvasElement)
    onPopOut.mockClear()
    await userEvent.click(
      toolbarOf(canvasElement).getByRole('button', { name: 'Open in a new window' }),
    )
    expect(onPopOut).toHaveBeenCalledTimes(1)
    // This console closes: the other window fetches its own credentials.
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'disconnected'))
  },
}

export const PopOutButtonHidden: Story = {
  name: 'PopOutButton: without popOutUrl',
  args: {
    url: VMS.popOut.url,
    toolbar: (
      <ConsoleToolbar>
        <ConsoleStatusIndicator />
        <ConsolePopOutButton />
      </ConsoleToolbar>
    ),
  },
  play: async ({ canvasElement }) => {
    await connected(canvasElement)
    expect(toolbarOf(canvasElement).queryByRole('button', { name: 'Open in a new window' })).toBe(
      null,
    )
  },
}

export const PowerMenuUnavailable: Story = {
  name: 'PowerMenu: server without power',
  args: {
    url: VMS.noPower.url,
    toolbar: (
      <ConsoleToolbar>
        <ConsoleStatusIndicator />
        <ConsolePowerMenu />
      </ConsoleToolbar>
    ),
  },
  play: async ({ canvasElement }) => {
    await connected(canvasElement)
    const toolbar = toolbarOf(canvasElement)
    await waitFor(() => expect(toolbar.getByText('Connected to parts-no-power')).toBeVisible())
    expect(toolbar.queryByRole('button', { name: 'Power' })).toBeNull()
    expect(canvasElement.querySelector('[data-rvc-power]')).toBeNull()
  },
}

export const PowerMenu: Story = {
  name: 'PowerMenu: server with XVP',
  args: {
    url: VMS.power.url,
    toolbar: (
      <ConsoleToolbar>
        <ConsolePowerMenu />
      </ConsoleToolbar>
    ),
  },
  play: async ({ canvasElement, step }) => {
    await connected(canvasElement)
    const toolbar = toolbarOf(canvasElement)
    // Shown once the server announces XVP.
    const trigger = await toolbar.findByRole('button', { name: 'Power' })
    expect(trigger).toHaveAttribute('aria-haspopup', 'dialog')
    await step('the actions', async () => {
      await userEvent.click(trigger)
      const panel = within(toolbar.getByRole('dialog', { name: 'Power' }))
      expect(panel.getAllByRole('button').map((b) => b.textContent)).toEqual([
        'Shut down',
        'Reboot',
        'Reset',
      ])
      await userEvent.click(panel.getByRole('button', { name: 'Reboot' }))
    })
    await step('Cancel sends nothing', async () => {
      const panel = within(toolbar.getByRole('dialog', { name: 'Power' }))
      expect(panel.getByText('Reboot the VM?')).toBeVisible()
      await userEvent.click(panel.getByRole('button', { name: 'Cancel' }))
      expect(toolbar.queryByRole('dialog')).toBeNull()
      expect(trigger).toHaveFocus()
      expect(VMS.power.record.power).toEqual([])
    })
    await step('confirmed, the reboot reaches the VM', async () => {
      await userEvent.click(trigger)
      await userEvent.click(
        within(toolbar.getByRole('dialog')).getByRole('button', { name: 'Reboot' }),
      )
      const panel = within(toolbar.getByRole('dialog'))
      expect(panel.getByText('Reboot the VM?')).toBeVisible()
      await userEvent.click(panel.getByRole('button', { name: 'Reboot' }))
      expect(toolbar.queryByRole('dialog')).toBeNull()
      await waitFor(() => expect(VMS.power.record.power).toEqual(['reboot']))
    })
  },
}

export const PowerMenuWithoutConfirm: Story = {
  name: 'PowerMenu: confirm={false}',
  args: {
    url: VMS.powerNow.url,
    toolbar: (
      <ConsoleToolbar>
        <ConsolePowerMenu confirm={false} />
      </ConsoleToolbar>
    ),
  },
  play: async ({ canvasElement }) => {
    await connected(canvasElement)
    const toolbar = toolbarOf(canvasElement)
    await userEvent.click(await toolbar.findByRole('button', { name: 'Power' }))
    const before = VMS.powerNow.record.power.length
    await userEvent.click(
      within(toolbar.getByRole('dialog')).getByRole('button', { name: 'Reset' }),
    )
    expect(toolbar.queryByRole('dialog')).toBeNull()
    await waitFor(() => expect(VMS.powerNow.record.power.slice(before)).toEqual(['reset']))
  },
}

export const ReconnectButton: Story = {
  args: {
    url: VMS.reconnect.url,
    autoConnect: false,
    toolbar: (
      <ConsoleToolbar>
        <ConsoleReconnectButton />
      </ConsoleToolbar>
    ),
  },
  play: async ({ canvasElement, step }) => {
    const root = await consoleRoot(canvasElement)
    const toolbar = toolbarOf(canvasElement)
    expect(root).toHaveAttribute('data-state', 'idle')
    const sessions = VMS.reconnect.record.sessions
    await step('Connect while idle', async () => {
      await userEvent.click(toolbar.getByRole('button', { name: 'Connect' }))
      await connected(canvasElement)
      expect(VMS.reconnect.record.sessions).toBe(sessions + 1)
    })
    await step('Reconnect while connected: a new session', async () => {
      await userEvent.click(toolbar.getByRole('button', { name: 'Reconnect' }))
      await waitFor(() => expect(VMS.reconnect.record.sessions).toBe(sessions + 2))
      await connected(canvasElement)
    })
  },
}

export const DisconnectButton: Story = {
  args: {
    url: VMS.disconnect.url,
    toolbar: (
      <ConsoleToolbar>
        <ConsoleDisconnectButton />
        <ConsoleReconnectButton />
      </ConsoleToolbar>
    ),
  },
  play: async ({ canvasElement }) => {
    const root = await connected(canvasElement)
    const toolbar = toolbarOf(canvasElement)
    const disconnect = toolbar.getByRole('button', { name: 'Disconnect' })
    expect(disconnect).toBeEnabled()
    await userEvent.click(disconnect)
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'disconnected'))
    expect(disconnect).toBeDisabled()
    expect(root.querySelector('canvas')).toBeNull()
    expect(toolbar.getByRole('button', { name: 'Connect' })).toBeEnabled()
  },
}

const onRestartAgent = fn()
export const ToolbarButton: Story = {
  name: 'ToolbarButton (an app’s own action)',
  args: {
    url: VMS.ownButton.url,
    toolbar: (
      <ConsoleToolbar>
        <ConsoleToolbarButton icon="refresh" label="Restart agent" onClick={onRestartAgent} />
      </ConsoleToolbar>
    ),
  },
  play: async ({ canvasElement }) => {
    await connected(canvasElement)
    const button = toolbarOf(canvasElement).getByRole('button', { name: 'Restart agent' })
    expect(button).toHaveAttribute('data-rvc-button')
    expect(button.querySelector('svg[aria-hidden="true"]')).not.toBeNull()
    onRestartAgent.mockClear()
    await userEvent.click(button)
    expect(onRestartAgent).toHaveBeenCalledTimes(1)
  },
}

const onOpenTicket = fn()
/** An app's own toolbar: a few parts in its own order, plus its own button, no fork needed. */
export const CustomToolbar: Story = {
  args: {
    url: VMS.custom.url,
    toolbar: (
      <ConsoleToolbar data-testid="custom-toolbar">
        <div data-rvc-toolbar-group="" data-group="session">
          <ConsoleDisconnectButton />
          <ConsolePowerMenu confirm={false} />
        </div>
        <div data-rvc-toolbar-group="" data-group="keyboard">
          <ConsoleSendKeysMenu combos={['Ctrl+Alt+Delete']} />
          <ConsoleToolbarButton label="Open ticket" onClick={onOpenTicket} />
        </div>
        <div data-rvc-toolbar-group="" data-group="status">
          <ConsoleStatusIndicator />
        </div>
      </ConsoleToolbar>
    ),
  },
  play: async ({ canvasElement, step }) => {
    await connected(canvasElement)
    const toolbar = toolbarOf(canvasElement)
    await toolbar.findByRole('button', { name: 'Power' })
    const buttons = () => toolbar.getAllByRole('button').map((b) => b.textContent)
    await step('the app’s order, the status last', async () => {
      await waitFor(() =>
        expect(buttons()).toEqual(['Disconnect', 'Power', 'Send keys', 'Open ticket']),
      )
      const own = canvasElement.querySelector('[data-testid="custom-toolbar"]')
      const status = own?.lastElementChild?.firstElementChild
      expect(status).toHaveAttribute('data-rvc-status')
      expect(status).toHaveTextContent('Connected to parts-custom')
      // None of the parts it left out.
      expect(toolbar.queryByRole('button', { name: 'Screenshot' })).toBeNull()
    })
    await step('arrow keys move through the app’s order', async () => {
      const disconnect = toolbar.getByRole('button', { name: 'Disconnect' })
      disconnect.focus()
      await userEvent.keyboard('{ArrowRight}')
      expect(toolbar.getByRole('button', { name: 'Power' })).toHaveFocus()
      await userEvent.keyboard('{End}')
      expect(toolbar.getByRole('button', { name: 'Open ticket' })).toHaveFocus()
      await userEvent.keyboard('{ArrowRight}')
      expect(disconnect).toHaveFocus()
    })
    await step('its own button works beside the parts', async () => {
      onOpenTicket.mockClear()
      await userEvent.click(toolbar.getByRole('button', { name: 'Open ticket' }))
      expect(onOpenTicket).toHaveBeenCalledTimes(1)
    })
  },
}
