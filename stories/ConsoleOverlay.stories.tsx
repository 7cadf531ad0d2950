import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import {
  ConsoleAnnouncer,
  ConsoleCredentialsForm,
  ConsoleDisconnectButton,
  ConsoleError,
  ConsoleOverlay,
  ConsolePopOutButton,
  ConsoleToolbar,
  ConsoleViewer,
  type ConsoleViewerProps,
} from '../src/index.js'
import type { ConsoleErrorInit } from '../src/core/errors/ConsoleError.js'
import { mockRfb } from './support/mockRfb.js'
import { VIEWER_STYLE } from './support/viewerFrame.js'
import { consoleRoot } from './support/consoleRoot.js'
import { SLOW_RECONNECT } from './support/SLOW_RECONNECT.js'

const BASE = 'ws://vnc.mock.test/websockify/overlay'

function vm(name: string, options: Parameters<typeof mockRfb>[1] = {}) {
  const mock = mockRfb(`${BASE}/${name}`, { desktopName: `overlay-${name}`, ...options })
  return { ...mock, url: `${BASE}/${name}?token=abc` }
}

const VMS = {
  silent: vm('silent', { silent: true }),
  locked: vm('locked', { password: 'secret' }),
  dropping: vm('dropping', { dropAfterMs: 300 }),
  live: vm('live'),
  popOut: vm('pop-out'),
  refusing: vm('refusing', { securityFailure: 'Authentication failure' }),
  announced: vm('announced'),
}

/**
 * The overlay over the screen in every state but `connected`, in a `<ConsoleViewer>` (it reads the
 * console from context). Each story passes `<ConsoleOverlay {...args} />` as the viewer's
 * `overlay` and brings the viewer to one state with a mock RFB server or a failing `getUrl`.
 */
const meta = {
  title: 'Components/ConsoleOverlay',
  component: ConsoleOverlay,
  subcomponents: { ConsoleCredentialsForm, ConsoleAnnouncer },
  parameters: {
    msw: Object.values(VMS).map((mock) => mock.handler),
    docs: {
      description: {
        component:
          'Covers the screen while the console is not connected: a spinner while fetching and ' +
          'connecting, `ConsoleCredentialsForm` when the VNC server asks, the reconnect countdown ' +
          'with Reconnect now / Cancel, Connect after a disconnect, and errors as an alert with ' +
          'Retry only where retrying helps. It renders nothing while connected.',
      },
    },
  },
} satisfies Meta<typeof ConsoleOverlay>

export default meta
type Story = StoryObj<typeof meta>

/** A story whose viewer has these props and the overlay (with the story's args) as `overlay`. */
function inViewer(viewer: ConsoleViewerProps): Pick<Story, 'render'> {
  return {
    render: (args) => (
      <ConsoleViewer
        reconnect={false}
        style={VIEWER_STYLE}
        {...viewer}
        overlay={<ConsoleOverlay {...args} />}
      />
    ),
  }
}

/** The overlay once it shows `kind` (idle, busy, credentials, reconnecting, disconnected, error). */
async function overlayOf(canvasElement: HTMLElement, kind: string) {
  const find = () => canvasElement.querySelector<HTMLElement>('[data-rvc-overlay]')
  await waitFor(() => expect(find()).toHaveAttribute('data-kind', kind))
  return find() as HTMLElement
}

const never = (signal: AbortSignal) =>
  new Promise<string>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)))

export const Idle: Story = {
  ...inViewer({ url: VMS.live.url, autoConnect: false }),
  play: async ({ canvasElement }) => {
    const overlay = await overlayOf(canvasElement, 'idle')
    expect(overlay).toHaveAttribute('data-state', 'idle')
    expect(overlay).toHaveTextContent(/^Not connected$/)
    expect(overlay.querySelector('[data-rvc-spinner]')).toBeNull()
  },
}

export const Fetching: Story = {
  ...inViewer({ getUrl: never }),
  play: async ({ canvasElement }) => {
    const overlay = await overlayOf(canvasElement, 'busy')
    expect(overlay).toHaveAttribute('data-state', 'fetching')
    expect(overlay).toHaveTextContent('Requesting console access…')
    expect(overlay.querySelector('[data-rvc-spinner][aria-hidden="true"]')).not.toBeNull()
    expect(within(overlay).queryByRole('button')).toBeNull()
  },
}

export const Connecting: Story = {
  ...inViewer({ url: VMS.silent.url }),
  play: async ({ canvasElement }) => {
    const overlay = await overlayOf(canvasElement, 'busy')
    await waitFor(() => expect(overlay).toHaveAttribute('data-state', 'connecting'))
    expect(overlay).toHaveTextContent('Connecting…')
    expect(overlay.querySelector('[data-rvc-spinner]')).not.toBeNull()
    await waitFor(() => expect(VMS.silent.record.sessions).toBeGreaterThan(0))
  },
}

export const CredentialsRequired: Story = {
  ...inViewer({ url: VMS.locked.url }),
  play: async ({ canvasElement, step }) => {
    const overlay = await overlayOf(canvasElement, 'credentials')
    const form = within(overlay).getByRole('form', { name: 'The VNC server asks for credentials' })
    const password = within(form).getByLabelText('Password')
    expect(password).toHaveAttribute('type', 'password')
    // VNC Authentication asks for a password only.
    expect(within(form).queryByLabelText('Username')).toBeNull()
    await step('the password connects', async () => {
      await userEvent.type(password, 'secret')
      await userEvent.click(within(form).getByRole('button', { name: 'Connect' }))
      const root = await consoleRoot(canvasElement)
      await waitFor(() => expect(root).toHaveAttribute('data-state', 'connected'))
      expect(canvasElement.querySelector('[data-rvc-overlay]')).toBeNull()
    })
  },
}

export const Reconnecting: Story = {
  name: 'Reconnecting (countdown)',
  ...inViewer({
    url: VMS.dropping.url,
    reconnect: SLOW_RECONNECT,
  }),
  play: async ({ canvasElement, step }) => {
    const overlay = await overlayOf(canvasElement, 'reconnecting')
    expect(overlay).toHaveAttribute('data-state', 'disconnected')
    const title = overlay.querySelector('[data-rvc-overlay-title]')
    const seconds = () => Number(/Reconnecting in (\d+) s/.exec(title?.textContent ?? '')?.[1])
    await waitFor(() =>
      expect(title).toHaveTextContent(/^Connection lost\. Reconnecting in \d+ s$/),
    )
    const first = seconds()
    expect(first).toBeGreaterThan(50)
    await step('the countdown counts down', async () => {
      await waitFor(() => expect(seconds()).toBeLessThan(first), { timeout: 3_000 })
    })
    const buttons = within(overlay).getAllByRole('button')
    expect(buttons.map((b) => b.textContent)).toEqual(['Reconnect now', 'Cancel'])
    await step('Cancel leaves it disconnected', async () => {
      await userEvent.click(within(overlay).getByRole('button', { name: 'Cancel' }))
      const after = await overlayOf(canvasElement, 'disconnected')
      expect(after).toHaveTextContent('Disconnected')
      expect(await consoleRoot(canvasElement)).not.toHaveAttribute('data-next-retry-at')
    })
  },
}

export const Disconnected: Story = {
  ...inViewer({
    url: VMS.live.url,
    toolbar: (
      <ConsoleToolbar>
        <ConsoleDisconnectButton />
      </ConsoleToolbar>
    ),
  }),
  play: async ({ canvasElement, step }) => {
    const root = await consoleRoot(canvasElement)
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'connected'))
    // Nothing covers a connected console.
    expect(canvasElement.querySelector('[data-rvc-overlay]')).toBeNull()
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Disconnect' }))
    const overlay = await overlayOf(canvasElement, 'disconnected')
    expect(overlay.querySelector('[data-rvc-overlay-title]')).toHaveTextContent(/^Disconnected$/)
    await step('Connect connects again', async () => {
      await userEvent.click(within(overlay).getByRole('button', { name: 'Connect' }))
      await waitFor(() => expect(root).toHaveAttribute('data-state', 'connected'))
      expect(canvasElement.querySelector('[data-rvc-overlay]')).toBeNull()
    })
  },
}

const onPopOut = fn()
export const PoppedOut: Story = {
  name: 'Disconnected: opened in a new window',
  ...inViewer({
    url: VMS.popOut.url,
    onPopOut,
    toolbar: (
      <ConsoleToolbar>
        <ConsolePopOutButton />
      </ConsoleToolbar>
    ),
  }),
  play: async ({ canvasElement }) => {
    const root = await consoleRoot(canvasElement)
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'connected'))
    await userEvent.click(
      within(canvasElement).getByRole('button', { name: 'Open in a new window' }),
    )
    expect(onPopOut).toHaveBeenCalled()
    const overlay = await overlayOf(canvasElement, 'disconnected')
    expect(overlay).toHaveTextContent('The console was opened in a new window.')
    expect(within(overlay).getByRole('button', { name: 'Reconnect' })).toBeInTheDocument()
  },
}

/** A story whose `getUrl` fails with this error (the cloud side of the console). */
function cloudError(
  init: Omit<ConsoleErrorInit, 'message'>,
  viewer: Partial<ConsoleViewerProps> = {},
): Pick<Story, 'render'> {
  return inViewer({
    ...viewer,
    getUrl: async () => {
      throw new ConsoleError({ message: `Example ${init.kind} error.`, ...init })
    },
  })
}

async function errorOverlay(canvasElement: HTMLElement, kind: string) {
  const overlay = await overlayOf(canvasElement, 'error')
  expect(await consoleRoot(canvasElement)).toHaveAttribute('data-error-kind', kind)
  return overlay
}

export const ErrorRetryable: Story = {
  name: 'Error: network (Retry)',
  ...cloudError({ kind: 'network', provider: 'cloudtower' }),
  play: async ({ canvasElement, step }) => {
    const overlay = await errorOverlay(canvasElement, 'network')
    expect(within(overlay).getByRole('alert')).toHaveTextContent(
      'Could not reach CloudTower. Check the network or proxy, then retry.',
    )
    await step('the details', async () => {
      await userEvent.click(within(overlay).getByText('Details'))
      expect(overlay.querySelector('details')).toHaveAttribute('open')
      expect(overlay.querySelector('details code')).toHaveTextContent(/^network$/)
      expect(overlay.querySelector('details')).toHaveTextContent('Example network error.')
    })
    await step('Retry asks for credentials again', async () => {
      const retry = within(overlay).getByRole('button', { name: 'Retry' })
      await userEvent.click(retry)
      // It fails again the same way: the overlay comes back with the alert.
      await errorOverlay(canvasElement, 'network')
    })
  },
}

export const ErrorNotRetryable: Story = {
  name: 'Error: forbidden (no Retry)',
  ...cloudError({ kind: 'forbidden', provider: 'cloudtower', code: 'PERMISSION_DENIED' }),
  play: async ({ canvasElement }) => {
    const overlay = await errorOverlay(canvasElement, 'forbidden')
    expect(within(overlay).getByRole('alert')).toHaveTextContent(
      'Your CloudTower account may not open this console. Ask an administrator.',
    )
    expect(overlay.querySelector('details code')).toHaveTextContent('forbidden · PERMISSION_DENIED')
    // A retry cannot help without the app changing something first.
    expect(within(overlay).queryByRole('button')).toBeNull()
  },
}

const openConsolePage = fn()
export const ErrorWithConsolePage: Story = {
  name: 'Error: ECS, open the console page',
  ...cloudError(
    { kind: 'not_found', provider: 'ecs', status: 404, code: 'Ecs.0114' },
    { openConsolePage },
  ),
  play: async ({ canvasElement }) => {
    const overlay = await errorOverlay(canvasElement, 'not_found')
    expect(within(overlay).getByRole('alert')).toHaveTextContent(
      'The VM was not found in Huawei Cloud. It may have been deleted or moved.',
    )
    expect(overlay.querySelector('details code')).toHaveTextContent(
      'not_found · Ecs.0114 · HTTP 404',
    )
    expect(within(overlay).queryByRole('button', { name: 'Retry' })).toBeNull()
    const open = within(overlay).getByRole('button', { name: 'Open console in a new window' })
    openConsolePage.mockClear()
    await userEvent.click(open)
    expect(openConsolePage).toHaveBeenCalledTimes(1)
  },
}

export const ErrorVncSecurity: Story = {
  name: 'Error: vnc_security',
  ...inViewer({ url: VMS.refusing.url }),
  play: async ({ canvasElement }) => {
    const overlay = await errorOverlay(canvasElement, 'vnc_security')
    expect(within(overlay).getByRole('alert')).toHaveTextContent(
      'The VNC server refused the connection (wrong password or not allowed).',
    )
    expect(overlay.querySelector('details')).toHaveTextContent('Authentication failure')
    // Refused credentials: a retry asks again.
    expect(within(overlay).getByRole('button', { name: 'Retry' })).toBeInTheDocument()
  },
}

export const ErrorChinese: Story = {
  name: 'Error: zh-CN',
  ...cloudError({ kind: 'unauthorized', provider: 'cloudtower' }, { locale: 'zh-CN' }),
  play: async ({ canvasElement }) => {
    const overlay = await errorOverlay(canvasElement, 'unauthorized')
    expect(within(overlay).getByRole('alert')).toHaveTextContent(
      'CloudTower 令牌已被拒绝，请重新登录。',
    )
  },
}

/** The polite live region the viewer adds with its overlay: every state change, in words. */
export const Announcer: Story = {
  ...inViewer({
    url: VMS.announced.url,
    toolbar: (
      <ConsoleToolbar>
        <ConsoleDisconnectButton />
      </ConsoleToolbar>
    ),
  }),
  play: async ({ canvasElement }) => {
    const region = canvasElement.querySelector('[data-rvc-announcer][role="status"]')
    expect(region).toHaveAttribute('aria-live', 'polite')
    await waitFor(() => expect(region).toHaveTextContent('Connected to overlay-announced'))
    // With the overlay on, errors are its alert: the announcer has no second one.
    expect(canvasElement.querySelector('[data-rvc-announcer][role="alert"]')).toBeNull()
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Disconnect' }))
    await waitFor(() => expect(region).toHaveTextContent(/^Disconnected$/))
  },
}
