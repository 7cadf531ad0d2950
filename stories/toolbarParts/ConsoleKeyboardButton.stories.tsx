import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor } from 'storybook/test'
import { ConsoleKeyboardButton, ConsoleToolbar, ConsoleViewer } from '../../src/index.js'
import { connectedConsole } from '../support/connectedConsole.js'
import { partVm } from '../support/partVm.js'
import { toolbarPartMeta } from '../support/toolbarPartMeta.js'
import { toolbarOf } from '../support/toolbarOf.js'

const vm = partVm('keyboard')

const meta = {
  title: 'Components/Toolbar parts/ConsoleKeyboardButton',
  component: ConsoleViewer,
  ...toolbarPartMeta(
    { ConsoleKeyboardButton },
    [vm],
    'Captures the keyboard for the VM (the canvas takes the focus) and releases it.',
  ),
} satisfies Meta<typeof ConsoleViewer>

export default meta
type Story = StoryObj<typeof meta>

export const KeyboardButton: Story = {
  args: {
    url: vm.url,
    toolbar: (
      <ConsoleToolbar>
        <ConsoleKeyboardButton />
      </ConsoleToolbar>
    ),
  },
  play: async ({ canvasElement, step }) => {
    const root = await connectedConsole(canvasElement)
    const toolbar = toolbarOf(canvasElement)
    const button = await toolbar.findByRole('button', { name: 'Capture keyboard' })
    expect(button).toHaveAttribute('aria-pressed', 'false')
    await step('capture: the canvas has the focus, the button is pressed', async () => {
      await userEvent.click(button)
      await waitFor(() => expect(root).toHaveAttribute('data-keyboard', 'captured'))
      expect(button).toHaveAttribute('aria-pressed', 'true')
      expect(button).toHaveAccessibleName('Release keyboard (Ctrl+Alt+Shift)')
      expect(document.activeElement?.tagName).toBe('CANVAS')
    })
    await step('release: the console element has the focus', async () => {
      await userEvent.click(button)
      await waitFor(() => expect(root).toHaveAttribute('data-keyboard', 'released'))
      expect(button).toHaveAttribute('aria-pressed', 'false')
      expect(button).toHaveAccessibleName('Capture keyboard')
      expect(document.activeElement).toHaveAttribute('data-rvc-screen')
    })
  },
}
