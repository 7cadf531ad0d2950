import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { ConsoleViewer } from '../src/index.js'
import { consoleRoot } from './support/consoleRoot.js'
import { mockRfb } from './support/mockRfb.js'
import { VIEWER_STYLE } from './support/viewerFrame.js'

const vm = mockRfb('ws://vnc.mock.test/websockify/toolbar', { desktopName: 'toolbar-vm' })

/** The built-in toolbar and overlay (`toolbar`, `overlay`) on a viewer connected to a mock VM. */
const meta = {
  title: 'Components/ConsoleToolbar',
  component: ConsoleViewer,
  args: {
    url: 'ws://vnc.mock.test/websockify/toolbar?token=abc',
    toolbar: true,
    overlay: true,
    reconnect: false,
    style: { ...VIEWER_STYLE, height: 440 },
  },
  argTypes: { style: { control: false } },
  parameters: { msw: [vm.handler] },
} satisfies Meta<typeof ConsoleViewer>

export default meta
type Story = StoryObj<typeof meta>

export const Default: Story = {
  play: async ({ canvasElement }) => {
    const root = await consoleRoot(canvasElement)
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'connected'))
    const toolbar = within(canvasElement).getByRole('toolbar', { name: 'Console controls' })
    await userEvent.click(within(toolbar).getByRole('button', { name: 'Disconnect' }))
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'disconnected'))
    await userEvent.click(
      within(canvasElement).getAllByRole('button', {
        name: /^(Connect|Reconnect)$/,
      })[0] as HTMLElement,
    )
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'connected'))
  },
}

export const ChineseDark: Story = {
  name: 'zh-CN, dark',
  globals: { theme: 'dark' },
  args: { locale: 'zh-CN', theme: 'dark' },
  play: async ({ canvasElement }) => {
    const root = await consoleRoot(canvasElement)
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'connected'))
    expect(root).toHaveAttribute('data-theme', 'dark')
    expect(within(canvasElement).queryByRole('toolbar', { name: 'Console controls' })).toBeNull()
  },
}
