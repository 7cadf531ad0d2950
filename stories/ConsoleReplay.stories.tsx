import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor } from 'storybook/test'
import { ConsoleReplay } from '../src/index.js'

// A 4 s session with the built-in RFB server (VNC Authentication, a moving block), recorded by the
// real recorder: `npm run generate:replay-fixture` writes it.
const DEMO = new URL('./fixtures/demo-session.rvcrec', import.meta.url).href

const meta = {
  title: 'Components/ConsoleReplay',
  component: ConsoleReplay,
  args: { src: DEMO, style: { width: 480, height: 360 } },
  parameters: {
    docs: {
      description: {
        component:
          "Plays a session recording (the gateway's `record` option) through noVNC: play/pause, speed 1×/2×/4×/8×, " +
          'seek, elapsed and total time. Keyboard: Space plays or pauses, Left/Right move 5 s, Home/End jump, ' +
          'Up/Down change the speed. The recorded session used VNC Authentication: the replay needs no password.',
      },
    },
  },
} satisfies Meta<typeof ConsoleReplay>

export default meta
type Story = StoryObj<typeof meta>

async function replayRoot(canvasElement: HTMLElement): Promise<HTMLElement> {
  let root: HTMLElement | null = null
  await waitFor(() => {
    root = canvasElement.querySelector<HTMLElement>('[data-rvc-replay]')
    if (!root || root.dataset.state === 'loading') throw new Error('still loading')
  })
  return root!
}

export const Playing: Story = {
  args: { defaultSpeed: 2 },
  play: async ({ canvasElement }) => {
    const root = await replayRoot(canvasElement)
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'ended'))
    expect(root.querySelector('[data-rvc-replay-time]')).toHaveTextContent('0:04 / 0:04')
    expect(root.querySelector('canvas')).toHaveProperty('width', 160)
  },
}

export const PausedInChinese: Story = {
  args: { autoPlay: false, locale: 'zh-CN' },
  play: async ({ canvasElement }) => {
    const root = await replayRoot(canvasElement)
    expect(root).toHaveAttribute('data-state', 'paused')
    const toggle = root.querySelector<HTMLButtonElement>('[data-rvc-replay-toggle]')!
    expect(toggle).toHaveTextContent('播放')
    root.focus()
    await userEvent.keyboard('{End}')
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'ended'))
    expect(toggle).toHaveTextContent('重新播放')
  },
}

export const NotARecording: Story = {
  args: { src: new TextEncoder().encode('<!doctype html><title>Sign in</title>') },
  play: async ({ canvasElement }) => {
    const root = await replayRoot(canvasElement)
    expect(root).toHaveAttribute('data-state', 'error')
    expect(root.querySelector('[role="alert"]')).toHaveTextContent(
      'This file is not a console recording.',
    )
  },
}
