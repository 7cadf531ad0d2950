import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { ConsoleStatusIndicator, ConsoleToolbar, ConsoleViewer } from '../../src/index.js'
import { connectedConsole } from '../support/connectedConsole.js'
import { consoleRoot } from '../support/consoleRoot.js'
import { SLOW_RECONNECT } from '../support/SLOW_RECONNECT.js'
import { partVm } from '../support/partVm.js'
import { toolbarPartMeta } from '../support/toolbarPartMeta.js'

const statusVm = partVm('status')
const droppingVm = partVm('dropping', { dropAfterMs: 300 })

const meta = {
  title: 'Components/Toolbar parts/ConsoleStatusIndicator',
  component: ConsoleViewer,
  ...toolbarPartMeta(
    { ConsoleStatusIndicator },
    [statusVm, droppingVm],
    'The connection status in words (with the reconnect countdown and its Cancel), as a live region.',
  ),
} satisfies Meta<typeof ConsoleViewer>

export default meta
type Story = StoryObj<typeof meta>

export const StatusIndicator: Story = {
  args: {
    url: statusVm.url,
    toolbar: (
      <ConsoleToolbar>
        <ConsoleStatusIndicator />
      </ConsoleToolbar>
    ),
  },
  play: async ({ canvasElement }) => {
    await connectedConsole(canvasElement)
    const status = canvasElement.querySelector('[data-rvc-status]')
    await waitFor(() => expect(status).toHaveTextContent('Connected to parts-status'))
    expect(status).toHaveAttribute('data-state', 'connected')
  },
}

export const StatusIndicatorReconnecting: Story = {
  name: 'StatusIndicator: reconnecting',
  args: {
    url: droppingVm.url,
    reconnect: SLOW_RECONNECT,
    toolbar: (
      <ConsoleToolbar>
        <ConsoleStatusIndicator />
      </ConsoleToolbar>
    ),
  },
  play: async ({ canvasElement, step }) => {
    const root = await consoleRoot(canvasElement)
    const status = canvasElement.querySelector('[data-rvc-status]')
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'disconnected'))
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
