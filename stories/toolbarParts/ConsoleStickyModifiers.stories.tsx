import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { ConsoleStickyModifiers, ConsoleToolbar, ConsoleViewer } from '../../src/index.js'
import { connectedConsole } from '../support/connectedConsole.js'
import { KEYSYM } from '../../test/support/console/KEYSYM.js'
import { keysDown } from '../support/keysDown.js'
import { partVm } from '../support/partVm.js'
import { toolbarPartMeta } from '../support/toolbarPartMeta.js'
import { toolbarOf } from '../support/toolbarOf.js'

const vm = partVm('sticky')

const meta = {
  title: 'Components/Toolbar parts/ConsoleStickyModifiers',
  component: ConsoleViewer,
  ...toolbarPartMeta(
    { ConsoleStickyModifiers },
    [vm],
    'Ctrl, Alt and Super that stay down until the next key, for touch screens and caught combos.',
  ),
} satisfies Meta<typeof ConsoleViewer>

export default meta
type Story = StoryObj<typeof meta>

export const StickyModifiers: Story = {
  args: {
    url: vm.url,
    toolbar: (
      <ConsoleToolbar>
        <ConsoleStickyModifiers />
      </ConsoleToolbar>
    ),
  },
  play: async ({ canvasElement, step }) => {
    const root = await connectedConsole(canvasElement)
    const group = within(toolbarOf(canvasElement).getByRole('group', { name: /modifier/ }))
    expect(group.getAllByRole('button').map((button) => button.textContent)).toEqual([
      'Ctrl',
      'Alt',
      'Super',
    ])
    const ctrl = group.getByRole('button', { name: 'Ctrl' })
    await waitFor(() => expect(ctrl).toBeEnabled())
    expect(ctrl).toHaveAttribute('aria-pressed', 'false')
    await step('Ctrl toggles on and off', async () => {
      await userEvent.click(ctrl)
      expect(ctrl).toHaveAttribute('aria-pressed', 'true')
      await userEvent.click(ctrl)
      expect(ctrl).toHaveAttribute('aria-pressed', 'false')
    })
    await step('a held Ctrl goes with the next key, then lets go', async () => {
      await userEvent.click(ctrl)
      expect(ctrl).toHaveAttribute('aria-pressed', 'true')
      const canvas = root.querySelector('canvas')
      if (!canvas) throw new Error('no canvas')
      const before = vm.record.keys.length
      await userEvent.click(canvas)
      await userEvent.keyboard('a')
      await waitFor(() =>
        expect(keysDown(vm.record.keys, before)).toEqual([KEYSYM.ctrl, KEYSYM.char('a')]),
      )
      await waitFor(() =>
        expect(vm.record.keys.slice(before).filter((k) => !k.down)).toHaveLength(2),
      )
      expect(ctrl).toHaveAttribute('aria-pressed', 'false')
    })
  },
}
