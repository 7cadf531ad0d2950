import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, waitFor } from 'storybook/test'
import {
  ConsoleDisconnectButton,
  ConsolePowerMenu,
  ConsoleSendKeysMenu,
  ConsoleStatusIndicator,
  ConsoleToolbar,
  ConsoleToolbarButton,
  ConsoleViewer,
} from '../../src/index.js'
import { connectedConsole } from '../support/connectedConsole.js'
import { partVm } from '../support/partVm.js'
import { toolbarPartMeta } from '../support/toolbarPartMeta.js'
import { toolbarOf } from '../support/toolbarOf.js'

const vm = partVm('custom', { xvp: true })

const meta = {
  title: 'Components/Toolbar parts/Custom toolbar',
  component: ConsoleViewer,
  ...toolbarPartMeta(
    {
      ConsoleDisconnectButton,
      ConsolePowerMenu,
      ConsoleSendKeysMenu,
      ConsoleToolbarButton,
      ConsoleStatusIndicator,
    },
    [vm],
    'An app’s own toolbar: a few parts in its own order, plus its own button, no fork needed.',
  ),
} satisfies Meta<typeof ConsoleViewer>

export default meta
type Story = StoryObj<typeof meta>

const onOpenTicket = fn()
/** An app's own toolbar: a few parts in its own order, plus its own button, no fork needed. */
export const CustomToolbar: Story = {
  args: {
    url: vm.url,
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
    await connectedConsole(canvasElement)
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
