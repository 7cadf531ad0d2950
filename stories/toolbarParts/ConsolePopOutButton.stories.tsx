import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, waitFor } from 'storybook/test'
import {
  ConsolePopOutButton,
  ConsoleStatusIndicator,
  ConsoleToolbar,
  ConsoleViewer,
} from '../../src/index.js'
import { connectedConsole } from '../support/connectedConsole.js'
import { partVm } from '../support/partVm.js'
import { toolbarPartMeta } from '../support/toolbarPartMeta.js'
import { toolbarOf } from '../support/toolbarOf.js'

const vm = partVm('pop-out')

const meta = {
  title: 'Components/Toolbar parts/ConsolePopOutButton',
  component: ConsoleViewer,
  ...toolbarPartMeta(
    { ConsolePopOutButton, ConsoleStatusIndicator },
    [vm],
    'Opens the console in a new window (given `onPopOut` or `popOutUrl`) and closes this one.',
  ),
} satisfies Meta<typeof ConsoleViewer>

export default meta
type Story = StoryObj<typeof meta>

/** Both stories: the status shows the console closing when the other window opens. */
const toolbar = (
  <ConsoleToolbar>
    <ConsoleStatusIndicator />
    <ConsolePopOutButton />
  </ConsoleToolbar>
)

const onPopOut = fn()
export const PopOutButton: Story = {
  args: {
    url: vm.url,
    onPopOut,
    toolbar,
  },
  play: async ({ canvasElement }) => {
    const root = await connectedConsole(canvasElement)
    onPopOut.mockClear()
    await userEvent.click(
      toolbarOf(canvasElement).getByRole('button', { name: 'Open in a new window' }),
    )
    expect(onPopOut).toHaveBeenCalledTimes(1)
    // This console closes: the other window fetches its own credentials.
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'disconnected'))
  },
}

export const PopOutButtonHidden: Story = {
  name: 'PopOutButton: without popOutUrl',
  args: {
    url: vm.url,
    toolbar,
  },
  play: async ({ canvasElement }) => {
    await connectedConsole(canvasElement)
    expect(toolbarOf(canvasElement).queryByRole('button', { name: 'Open in a new window' })).toBe(
      null,
    )
  },
}
