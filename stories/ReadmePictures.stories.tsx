import type { Meta, StoryObj } from '@storybook/react-vite'
import { userEvent, within } from 'storybook/test'
import { ConsoleError, ConsoleViewer, type VmPowerControl } from '../src/index.js'
import type { VmState } from '../src/core/power/VmState.js'
import { mockRfb } from './support/mockRfb.js'
import { VIEWER_STYLE } from './support/viewerFrame.js'

const BASE = 'ws://vnc.mock.test/websockify/readme'
const live = mockRfb(`${BASE}/live`, { desktopName: 'web-01' })
const silent = mockRfb(`${BASE}/silent`, { silent: true })

/** A cloud in memory: the VM is in `state`; power actions never finish. */
function cloud(state: VmState): VmPowerControl {
  return {
    state: () => Promise.resolve({ state, cloudStatus: state.toUpperCase() }),
    act: (_action, signal) =>
      new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason))),
    actions: ['start', 'shutdown', 'poweroff', 'restart', 'forceRestart'],
    provider: 'cloudtower',
  }
}

/**
 * The states the README shows, as `npm run docs:screenshots` photographs them (light and dark):
 * the full console (toolbar and overlay on) in each. Not tests: the story files beside this one
 * test these states; the script fails when one of these does not render.
 */
const meta = {
  title: 'Docs/README pictures',
  component: ConsoleViewer,
  tags: ['!test', '!autodocs'],
  args: {
    toolbar: true,
    overlay: true,
    reconnect: false,
    style: { ...VIEWER_STYLE, width: 860, height: 500 },
  },
  parameters: { msw: [live.handler, silent.handler] },
} satisfies Meta<typeof ConsoleViewer>

export default meta
type Story = StoryObj<typeof meta>

export const Live: Story = {
  args: { url: `${BASE}/live?token=abc`, vmPower: cloud('running') },
}

export const Connecting: Story = {
  args: { url: `${BASE}/silent?token=abc` },
}

export const Stopped: Story = {
  args: {
    vmPower: cloud('stopped'),
    getUrl: () =>
      Promise.reject(
        new ConsoleError({ kind: 'server', provider: 'cloudtower', message: 'VM_NOT_RUNNING' }),
      ),
  },
}

export const PowerMenu: Story = {
  name: 'Power menu',
  args: { url: `${BASE}/live?token=abc`, vmPower: cloud('running') },
  play: async ({ canvasElement }) => {
    const power = await within(canvasElement).findByRole('button', { name: 'Power' })
    await userEvent.click(power)
  },
}

export const ErrorWithFallback: Story = {
  name: 'Error with its fallback',
  args: {
    openConsolePage: () => {},
    getUrl: () =>
      Promise.reject(
        new ConsoleError({
          kind: 'not_found',
          provider: 'ecs',
          status: 404,
          code: 'Ecs.0114',
          message: 'Example not_found error.',
        }),
      ),
  },
}
