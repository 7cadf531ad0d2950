import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { ConsoleClipboardPanel, ConsoleToolbar, ConsoleViewer } from '../../src/index.js'
import { connectedConsole } from '../support/connectedConsole.js'
import { partVm } from '../support/partVm.js'
import { toolbarPartMeta } from '../support/toolbarPartMeta.js'
import { toolbarOf } from '../support/toolbarOf.js'

const vm = partVm('clipboard', { clipboardText: 'echo from the VM' })

const meta = {
  title: 'Components/Toolbar parts/ConsoleClipboardPanel',
  component: ConsoleViewer,
  ...toolbarPartMeta(
    { ConsoleClipboardPanel },
    [vm],
    'What the VM copied, and text sent to the VM’s clipboard.',
  ),
} satisfies Meta<typeof ConsoleViewer>

export default meta
type Story = StoryObj<typeof meta>

export const ClipboardPanel: Story = {
  args: {
    url: vm.url,
    toolbar: (
      <ConsoleToolbar>
        <ConsoleClipboardPanel />
      </ConsoleToolbar>
    ),
  },
  play: async ({ canvasElement, step }) => {
    await connectedConsole(canvasElement)
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
      await waitFor(() => expect(vm.record.clipboard.at(-1)).toBe('pwd'))
      expect(panel.getByRole('status')).toHaveTextContent('Sent to the VM clipboard')
    })
    await userEvent.click(panel.getByRole('button', { name: 'Close' }))
    expect(toolbar.queryByRole('dialog')).toBeNull()
  },
}
