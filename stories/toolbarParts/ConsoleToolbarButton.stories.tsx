import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent } from 'storybook/test'
import { ConsoleToolbar, ConsoleToolbarButton, ConsoleViewer } from '../../src/index.js'
import { connectedConsole } from '../support/connectedConsole.js'
import { partVm } from '../support/partVm.js'
import { toolbarPartMeta } from '../support/toolbarPartMeta.js'
import { toolbarOf } from '../support/toolbarOf.js'

const vm = partVm('own-button')

const meta = {
  title: 'Components/Toolbar parts/ConsoleToolbarButton',
  component: ConsoleViewer,
  ...toolbarPartMeta(
    { ConsoleToolbarButton },
    [vm],
    'A button in the toolbar’s look for an app’s own action.',
  ),
} satisfies Meta<typeof ConsoleViewer>

export default meta
type Story = StoryObj<typeof meta>

const onRestartAgent = fn()
export const ToolbarButton: Story = {
  name: 'ToolbarButton (an app’s own action)',
  args: {
    url: vm.url,
    toolbar: (
      <ConsoleToolbar>
        <ConsoleToolbarButton icon="refresh" label="Restart agent" onClick={onRestartAgent} />
      </ConsoleToolbar>
    ),
  },
  play: async ({ canvasElement }) => {
    await connectedConsole(canvasElement)
    const button = toolbarOf(canvasElement).getByRole('button', { name: 'Restart agent' })
    expect(button).toHaveAttribute('data-rvc-button')
    expect(button.querySelector('svg[aria-hidden="true"]')).not.toBeNull()
    onRestartAgent.mockClear()
    await userEvent.click(button)
    expect(onRestartAgent).toHaveBeenCalledTimes(1)
  },
}
