import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor } from 'storybook/test'
import { ConsoleFullscreenButton, ConsoleToolbar, ConsoleViewer } from '../../src/index.js'
import { connectedConsole } from '../support/connectedConsole.js'
import { partVm } from '../support/partVm.js'
import { simulateFullscreen } from '../support/simulateFullscreen.js'
import { toolbarPartMeta } from '../support/toolbarPartMeta.js'
import { toolbarOf } from '../support/toolbarOf.js'

const vm = partVm('fullscreen')

const meta = {
  title: 'Components/Toolbar parts/ConsoleFullscreenButton',
  component: ConsoleViewer,
  ...toolbarPartMeta(
    { ConsoleFullscreenButton },
    [vm],
    'Puts the console in fullscreen and back; renders nothing without the Fullscreen API.',
  ),
} satisfies Meta<typeof ConsoleViewer>

export default meta
type Story = StoryObj<typeof meta>

export const FullscreenButton: Story = {
  args: {
    url: vm.url,
    toolbar: (
      <ConsoleToolbar>
        <ConsoleFullscreenButton />
      </ConsoleToolbar>
    ),
  },
  parameters: {
    docs: {
      description: {
        story:
          'The Fullscreen API is simulated here (a scripted click is no user gesture); without ' +
          'the API the button renders nothing.',
      },
    },
  },
  beforeEach: () => simulateFullscreen(),
  play: async ({ canvasElement, step }) => {
    const root = await connectedConsole(canvasElement)
    const button = toolbarOf(canvasElement).getByRole('button', { name: 'Fullscreen' })
    expect(button).toHaveAttribute('aria-pressed', 'false')
    await step('enter', async () => {
      await userEvent.click(button)
      await waitFor(() => expect(button).toHaveAttribute('aria-pressed', 'true'))
      expect(button).toHaveAccessibleName('Exit fullscreen')
      expect(root).toHaveAttribute('data-fullscreen')
      expect(document.fullscreenElement).toBe(root)
    })
    await step('leave', async () => {
      await userEvent.click(button)
      await waitFor(() => expect(button).toHaveAttribute('aria-pressed', 'false'))
      expect(button).toHaveAccessibleName('Fullscreen')
      expect(root).not.toHaveAttribute('data-fullscreen')
    })
  },
}
