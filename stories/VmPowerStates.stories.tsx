import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { ConsoleError, ConsoleViewer, type VmPowerControl } from '../src/index.js'
import type { VmState } from '../src/core/power/VmState.js'
import { VIEWER_STYLE } from './support/viewerFrame.js'

/** A console call that fails, as the clouds' does for a VM that is off. */
const refused = () =>
  Promise.reject(
    new ConsoleError({ kind: 'server', provider: 'cloudtower', message: 'VM_NOT_RUNNING' }),
  )

/** A cloud in memory: the VM is in `state`; power actions never finish (the transition shows). */
function cloud(state: VmState, actions: VmPowerControl['actions'] = ['start']): VmPowerControl {
  return {
    state: () => Promise.resolve({ state, cloudStatus: state.toUpperCase() }),
    act: (_action, signal) =>
      new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason))),
    actions,
    provider: 'cloudtower',
  }
}

/**
 * What a console shows when the cloud says its VM is not running (`vmPower`, which
 * `<CloudTowerConsole>` and `<EcsConsole>` set): no error, no reconnect attempt, the VM's state
 * on the root as `data-vm-state`, and Start VM where the console may start it.
 */
const meta = {
  title: 'Components/VM power states',
  component: ConsoleViewer,
  args: { getUrl: refused, overlay: true, toolbar: true, style: VIEWER_STYLE },
} satisfies Meta<typeof ConsoleViewer>

export default meta
type Story = StoryObj<typeof meta>

async function vmCard(canvasElement: HTMLElement, vmState: VmState) {
  // The shell's root gives way to the loaded viewer's: read it again each time.
  const rootOf = () => canvasElement.querySelector<HTMLElement>('[data-rvc-console]')
  await waitFor(() => expect(rootOf()).toHaveAttribute('data-vm-state', vmState), {
    timeout: 10_000,
  })
  const root = rootOf()
  expect(root).toHaveAttribute('data-state', 'disconnected')
  expect(root).not.toHaveAttribute('data-attempt')
  const overlay = canvasElement.querySelector<HTMLElement>('[data-rvc-overlay]')
  expect(overlay).toHaveAttribute('data-kind', 'vm')
  return within(overlay as HTMLElement)
}

export const Stopped: Story = {
  args: { vmPower: cloud('stopped') },
  play: async ({ canvasElement }) => {
    const card = await vmCard(canvasElement, 'stopped')
    expect(card.getByText('This VM is stopped')).toBeVisible()
    expect(card.getByRole('button', { name: 'Start VM' })).toHaveFocus()
  },
}

export const StoppedChinese: Story = {
  name: 'Stopped (zh-CN)',
  args: { vmPower: cloud('stopped'), locale: 'zh-CN' },
  play: async ({ canvasElement }) => {
    const card = await vmCard(canvasElement, 'stopped')
    expect(card.getByText('此虚拟机已关机')).toBeVisible()
    expect(card.getByRole('button', { name: '开机' })).toBeVisible()
  },
}

export const StoppedWithoutPower: Story = {
  name: 'Stopped, power not allowed',
  args: { vmPower: cloud('stopped', []) },
  play: async ({ canvasElement }) => {
    const card = await vmCard(canvasElement, 'stopped')
    expect(card.queryByRole('button')).toBeNull()
    expect(within(canvasElement).queryByRole('button', { name: 'Power' })).toBeNull()
  },
}

export const Starting: Story = {
  args: { vmPower: cloud('stopped') },
  play: async ({ canvasElement }) => {
    const card = await vmCard(canvasElement, 'stopped')
    await userEvent.keyboard('{Enter}')
    await waitFor(() => expect(card.getByText('Starting the VM…')).toBeVisible())
    const root = canvasElement.querySelector('[data-rvc-console]')
    expect(root).toHaveAttribute('data-vm-state', 'starting')
  },
}

export const Restarting: Story = {
  name: 'Restarting (by someone else)',
  args: { vmPower: cloud('restarting', ['start', 'restart']) },
  play: async ({ canvasElement }) => {
    const card = await vmCard(canvasElement, 'restarting')
    expect(card.getByText('Restarting…')).toBeVisible()
  },
}

export const PowerMenuWhenStopped: Story = {
  name: 'Power menu (VM stopped)',
  args: { vmPower: cloud('stopped', ['start', 'shutdown', 'poweroff', 'restart', 'forceRestart']) },
  play: async ({ canvasElement }) => {
    await vmCard(canvasElement, 'stopped')
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Power' }))
    const menu = within(canvasElement).getByRole('dialog', { name: 'Power' })
    expect(
      within(menu)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Start'])
  },
}
