import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, within } from 'storybook/test'
import { ConsoleDisplayPanel, ConsoleToolbar, ConsoleViewer } from '../../src/index.js'
import { connectedConsole } from '../support/connectedConsole.js'
import { partVm } from '../support/partVm.js'
import { toolbarPartMeta } from '../support/toolbarPartMeta.js'
import { toolbarOf } from '../support/toolbarOf.js'

const vm = partVm('display')

const meta = {
  title: 'Components/Toolbar parts/ConsoleDisplayPanel',
  component: ConsoleViewer,
  ...toolbarPartMeta(
    { ConsoleDisplayPanel },
    [vm],
    'Scaling, view only, image quality and compression, none of which reconnects.',
  ),
} satisfies Meta<typeof ConsoleViewer>

export default meta
type Story = StoryObj<typeof meta>

const onViewSettingsChange = fn()
export const DisplayPanel: Story = {
  args: {
    url: vm.url,
    onViewSettingsChange,
    toolbar: (
      <ConsoleToolbar>
        <ConsoleDisplayPanel />
      </ConsoleToolbar>
    ),
  },
  play: async ({ canvasElement, step }) => {
    const root = await connectedConsole(canvasElement)
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
      expect(vm.record.sessions).toBeGreaterThan(0)
    })
    expect(panel.getByRole('slider', { name: 'Image quality (0–9)' })).toBeInTheDocument()
    expect(panel.getByRole('slider', { name: 'Compression (0–9)' })).toBeInTheDocument()
  },
}
