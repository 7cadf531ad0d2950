import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor } from 'storybook/test'
import { ConsoleError, ConsoleViewer } from '../src/index.js'
import type { ConsoleErrorKind } from '../src/core/errors/ConsoleError.js'
import { mockRfb } from './support/mockRfb.js'
import { StatusPanel } from './support/StatusPanel.js'
import { VIEWER_STYLE } from './support/viewerFrame.js'
import { consoleRoot } from './support/consoleRoot.js'
import { SLOW_RECONNECT } from './support/SLOW_RECONNECT.js'

const MOCK = 'ws://vnc.mock.test/websockify'

const meta = {
  title: 'Components/ConsoleViewer',
  component: ConsoleViewer,
  args: { style: VIEWER_STYLE, children: <StatusPanel /> },
  argTypes: { children: { control: false }, style: { control: false } },
  parameters: {
    docs: {
      description: {
        component:
          'The live console over react-vnc. Its `data-state` (`idle | fetching | connecting | connected | disconnected | error`) ' +
          'and `data-error-kind` are on the root; the overlay in these stories is an app-side `useConsoleViewer()` child. ' +
          'The VNC server here is a small RFB server on MSW’s WebSocket mock, so every state works without a network.',
      },
    },
  },
} satisfies Meta<typeof ConsoleViewer>

export default meta
type Story = StoryObj<typeof meta>

/** The viewer's root: the element carrying `data-state`. */
async function expectState(canvasElement: HTMLElement, state: string) {
  const root = await consoleRoot(canvasElement)
  await waitFor(() => expect(root).toHaveAttribute('data-state', state))
  return root
}

export const Idle: Story = {
  args: { url: `${MOCK}?token=idle`, autoConnect: false },
  play: async ({ canvasElement }) => {
    const root = await expectState(canvasElement, 'idle')
    expect(root).toHaveAttribute('aria-busy', 'false')
    expect(root.querySelector('canvas')).toBeNull()
  },
}

export const Fetching: Story = {
  args: {
    // Credentials that never arrive (until the story unmounts and aborts them).
    getUrl: (signal) =>
      new Promise<string>((_, reject) =>
        signal.addEventListener('abort', () => reject(signal.reason)),
      ),
  },
  play: async ({ canvasElement }) => {
    const root = await expectState(canvasElement, 'fetching')
    expect(root).toHaveAttribute('aria-busy', 'true')
  },
}

const silent = mockRfb(`${MOCK}/silent`, { silent: true })
export const Connecting: Story = {
  args: { url: `${MOCK}/silent?token=abc` },
  parameters: { msw: [silent.handler] },
  play: async ({ canvasElement }) => {
    const root = await expectState(canvasElement, 'connecting')
    expect(root).toHaveAttribute('aria-busy', 'true')
    await waitFor(() => expect(silent.record.sessions).toBeGreaterThan(0))
  },
}

const live = mockRfb(`${MOCK}/connected`, { desktopName: 'ubuntu-24.04-web' })
export const Connected: Story = {
  args: { url: `${MOCK}/connected?token=abc` },
  parameters: { msw: [live.handler] },
  play: async ({ canvasElement, step }) => {
    const root = await expectState(canvasElement, 'connected')
    const canvas = root.querySelector('canvas')
    if (!canvas) throw new Error('no canvas: ' + root.outerHTML)
    await step('the first frame is painted', async () => {
      // The fake VM's title bar (#2f4f6f) over its darker body (the canvas is noVNC's, 1:1).
      await waitFor(() => expect(pixel(canvas, 4, 4)).toEqual([0x2f, 0x4f, 0x6f]))
      expect(pixel(canvas, 320, 300)).not.toEqual([0x2f, 0x4f, 0x6f])
    })
    await step('keys typed on the canvas reach the server', async () => {
      const before = live.record.keys.length
      await userEvent.click(canvas)
      await userEvent.keyboard('a')
      await waitFor(() =>
        expect(live.record.keys.slice(before)).toEqual([
          { keysym: 0x61, down: true },
          { keysym: 0x61, down: false },
        ]),
      )
    })
    await waitFor(() =>
      expect(canvasElement.querySelector('[data-testid="status-panel"]')).toHaveTextContent(
        'ubuntu-24.04-web',
      ),
    )
  },
}

const dropping = mockRfb(`${MOCK}/dropping`, { dropAfterMs: 300 })
export const Reconnecting: Story = {
  name: 'Reconnecting (countdown)',
  args: {
    url: `${MOCK}/dropping?token=abc`,
    reconnect: SLOW_RECONNECT,
  },
  parameters: { msw: [dropping.handler] },
  play: async ({ canvasElement }) => {
    const root = await expectState(canvasElement, 'disconnected')
    expect(root).toHaveAttribute('data-attempt', '1')
    expect(root).toHaveAttribute('data-error-kind', 'vnc_disconnected')
    const nextRetryAt = Number(root.getAttribute('data-next-retry-at'))
    expect(nextRetryAt - Date.now()).toBeGreaterThan(50_000)
    const countdown = canvasElement.querySelector('[data-testid="countdown"]')
    await waitFor(() =>
      expect(countdown).toHaveTextContent(/Reconnecting in (5\d|60) s \(attempt 1\)/),
    )
  },
}

const locked = mockRfb(`${MOCK}/locked`, { password: 'secret' })
export const CredentialsRequired: Story = {
  args: { url: `${MOCK}/locked?token=abc` },
  parameters: { msw: [locked.handler] },
  play: async ({ canvasElement }) => {
    const root = await expectState(canvasElement, 'connecting')
    await waitFor(() => expect(root).toHaveAttribute('data-credentials-required'))
  },
}

const refusing = mockRfb(`${MOCK}/refusing`, { securityFailure: 'Authentication failure' })
const vanishing = mockRfb(`${MOCK}/vanishing`, { dropAfterMs: 0 })

/** A story per error kind: getUrl fails with it (cloud side), or the mock VNC server causes it. */
function errorStory(
  kind: ConsoleErrorKind,
  init: Partial<ConstructorParameters<typeof ConsoleError>[0]> = {},
): Story {
  return {
    name: `Error: ${kind}`,
    args: {
      reconnect: false,
      getUrl: async () => {
        throw new ConsoleError({
          kind,
          provider: 'cloudtower',
          message: `Example ${kind.replace('_', ' ')} error.`,
          ...init,
        })
      },
    },
    play: async ({ canvasElement }) => {
      const root = await expectState(canvasElement, 'error')
      expect(root).toHaveAttribute('data-error-kind', kind)
      expect(canvasElement.querySelector('[data-testid="error"]')).toHaveTextContent(kind)
    },
  }
}

export const ErrorUnauthorized = errorStory('unauthorized', { code: 'LOAD_TOKEN_FAILED' })
export const ErrorForbidden = errorStory('forbidden', { code: 'PERMISSION_DENIED' })
export const ErrorNotFound = errorStory('not_found', {
  provider: 'ecs',
  status: 404,
  code: 'Ecs.0114',
})
export const ErrorConflict = errorStory('conflict', { provider: 'ecs', status: 409 })
export const ErrorRateLimited = errorStory('rate_limited', {
  provider: 'ecs',
  status: 429,
  code: 'APIGW.0308',
})
export const ErrorServer = errorStory('server', { status: 503 })
export const ErrorNetwork = errorStory('network')
export const ErrorTimeout = errorStory('timeout')
export const ErrorInvalidResponse = errorStory('invalid_response')
export const ErrorInvalidInput: Story = {
  name: 'Error: invalid_input',
  args: { url: 'https://not-a-websocket.example.com/' },
  play: async ({ canvasElement }) => {
    const root = await expectState(canvasElement, 'error')
    expect(root).toHaveAttribute('data-error-kind', 'invalid_input')
  },
}
export const ErrorVncSecurity: Story = {
  name: 'Error: vnc_security',
  args: { url: `${MOCK}/refusing?token=abc` },
  parameters: { msw: [refusing.handler] },
  play: async ({ canvasElement }) => {
    const root = await expectState(canvasElement, 'error')
    expect(root).toHaveAttribute('data-error-kind', 'vnc_security')
    expect(canvasElement.querySelector('[data-testid="error"]')).toHaveTextContent(
      'Authentication failure',
    )
  },
}
export const ErrorVncDisconnected: Story = {
  name: 'Error: vnc_disconnected',
  args: { url: `${MOCK}/vanishing?token=abc`, reconnect: false },
  parameters: { msw: [vanishing.handler] },
  play: async ({ canvasElement }) => {
    const root = await expectState(canvasElement, 'error')
    expect(root).toHaveAttribute('data-error-kind', 'vnc_disconnected')
  },
}

function pixel(canvas: HTMLCanvasElement, x: number, y: number): number[] {
  const data = canvas.getContext('2d')?.getImageData(x, y, 1, 1).data
  return data ? [data[0] ?? -1, data[1] ?? -1, data[2] ?? -1] : []
}
