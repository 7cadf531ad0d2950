import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor } from 'storybook/test'
import {
  ConsoleDisconnectButton,
  ConsoleReconnectButton,
  ConsoleToolbar,
  ConsoleViewer,
} from '../../src/index.js'
import { connectedConsole } from '../support/connectedConsole.js'
import { partVm } from '../support/partVm.js'
import { toolbarPartMeta } from '../support/toolbarPartMeta.js'
import { toolbarOf } from '../support/toolbarOf.js'

const vm = partVm('disconnect')

const meta = {
  title: 'Components/Toolbar parts/ConsoleDisconnectButton',
  component: ConsoleViewer,
  ...toolbarPartMeta(
    { ConsoleDisconnectButton, ConsoleReconnectButton },
    [vm],
    'Ends the session; the viewer stays disconnected until asked to connect.',
  ),
} satisfies Meta<typeof ConsoleViewer>

export default meta
type Story = StoryObj<typeof meta>

export const DisconnectButton: Story = {
  args: {
    url: vm.url,
    toolbar: (
      <ConsoleToolbar>
        <ConsoleDisconnectButton />
        <ConsoleReconnectButton />
      </ConsoleToolbar>
    ),
  },
  play: async ({ canvasElement }) => {
    const root = await connectedConsole(canvasElement)
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
