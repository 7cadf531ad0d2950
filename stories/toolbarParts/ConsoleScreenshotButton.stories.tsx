import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, waitFor } from 'storybook/test'
import { ConsoleScreenshotButton, ConsoleToolbar, ConsoleViewer } from '../../src/index.js'
import { connectedConsole } from '../support/connectedConsole.js'
import { partVm } from '../support/partVm.js'
import { toolbarPartMeta } from '../support/toolbarPartMeta.js'
import { toolbarOf } from '../support/toolbarOf.js'

const vm = partVm('screenshot')

const meta = {
  title: 'Components/Toolbar parts/ConsoleScreenshotButton',
  component: ConsoleViewer,
  ...toolbarPartMeta(
    { ConsoleScreenshotButton },
    [vm],
    'Saves the console’s picture as a PNG (or hands it to `onCapture`).',
  ),
} satisfies Meta<typeof ConsoleViewer>

export default meta
type Story = StoryObj<typeof meta>

const onCapture = fn()
export const ScreenshotButton: Story = {
  args: {
    url: vm.url,
    toolbar: (
      <ConsoleToolbar>
        <ConsoleScreenshotButton onCapture={onCapture} />
      </ConsoleToolbar>
    ),
  },
  play: async ({ canvasElement }) => {
    const root = await connectedConsole(canvasElement)
    // The first frame is on the canvas before the picture is worth taking.
    await waitFor(() => expect(root.querySelector('canvas')?.width).toBe(640))
    const button = toolbarOf(canvasElement).getByRole('button', { name: 'Screenshot' })
    await waitFor(() => expect(button).toBeEnabled())
    onCapture.mockClear()
    await userEvent.click(button)
    await waitFor(() => expect(onCapture).toHaveBeenCalledTimes(1))
    const [png, fileName] = onCapture.mock.calls[0] as [Blob, string]
    expect(png.type).toBe('image/png')
    expect(png.size).toBeGreaterThan(0)
    expect(fileName).toMatch(/^parts-screenshot-\d{8}-\d{6}\.png$/)
  },
}
