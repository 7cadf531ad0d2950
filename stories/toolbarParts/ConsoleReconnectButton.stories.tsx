import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor } from 'storybook/test'
import { ConsoleReconnectButton, ConsoleToolbar, ConsoleViewer } from '../../src/index.js'
import { connectedConsole } from '../support/connectedConsole.js'
import { consoleRoot } from '../support/consoleRoot.js'
import { partVm } from '../support/partVm.js'
import { toolbarPartMeta } from '../support/toolbarPartMeta.js'
import { toolbarOf } from '../support/toolbarOf.js'

const vm = partVm('reconnect')

const meta = {
  title: 'Components/Toolbar parts/ConsoleReconnectButton',
  component: ConsoleViewer,
  ...toolbarPartMeta(
    { ConsoleReconnectButton },
    [vm],
    'Connect when idle, Reconnect (a new session with fresh credentials) otherwise.',
  ),
} satisfies Meta<typeof ConsoleViewer>

export default meta
type Story = StoryObj<typeof meta>

export const ReconnectButton: Story = {
  args: {
    url: vm.url,
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
    const sessions = vm.record.sessions
    await step('Connect while idle', async () => {
      await userEvent.click(toolbar.getByRole('button', { name: 'Connect' }))
      await connectedConsole(canvasElement)
      expect(vm.record.sessions).toBe(sessions + 1)
    })
    await step('Reconnect while connected: a new session', async () => {
      await userEvent.click(toolbar.getByRole('button', { name: 'Reconnect' }))
      await waitFor(() => expect(vm.record.sessions).toBe(sessions + 2))
      await connectedConsole(canvasElement)
    })
  },
}
