import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { ConsoleToolbar, ConsoleTypeTextPanel, ConsoleViewer } from '../../src/index.js'
import { connectedConsole } from '../support/connectedConsole.js'
import { KEYSYM } from '../../test/support/console/KEYSYM.js'
import { keysDown } from '../support/keysDown.js'
import { partVm } from '../support/partVm.js'
import { toolbarPartMeta } from '../support/toolbarPartMeta.js'
import { toolbarOf } from '../support/toolbarOf.js'

const vm = partVm('type-text')
const qemu = partVm('type-text-qemu', { qemuKeys: true })

const meta = {
  title: 'Components/Toolbar parts/ConsoleTypeTextPanel',
  component: ConsoleViewer,
  ...toolbarPartMeta(
    { ConsoleTypeTextPanel },
    [vm, qemu],
    'Types a text into the VM key by key, in the VM’s keyboard layout.',
  ),
} satisfies Meta<typeof ConsoleViewer>

export default meta
type Story = StoryObj<typeof meta>

export const TypeTextPanel: Story = {
  args: {
    url: vm.url,
    toolbar: (
      <ConsoleToolbar>
        <ConsoleTypeTextPanel delays={[5, 50]} defaultDelayMs={5} />
      </ConsoleToolbar>
    ),
  },
  play: async ({ canvasElement, step }) => {
    await connectedConsole(canvasElement)
    const toolbar = toolbarOf(canvasElement)
    const trigger = toolbar.getByRole('button', { name: 'Type text' })
    await waitFor(() => expect(trigger).toBeEnabled())
    await userEvent.click(trigger)
    const panel = within(toolbar.getByRole('dialog', { name: 'Type text into the VM' }))
    const text = panel.getByRole('textbox', { name: 'Text to type, key by key' })
    await waitFor(() => expect(text).toHaveFocus())
    expect(panel.getByRole('combobox', { name: "VM's keyboard layout" })).toHaveValue('en-US')
    const pace = panel.getByRole('combobox', { name: 'Delay between keys' })
    expect(
      within(pace)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Automatic', '5 ms', '50 ms'])
    expect(panel.getByRole('button', { name: 'Type' })).toBeDisabled()
    await step('typing "Hi!" presses Shift where it is needed', async () => {
      const before = vm.record.keys.length
      await userEvent.type(text, 'Hi!')
      await userEvent.click(panel.getByRole('button', { name: 'Type' }))
      await waitFor(() =>
        expect(panel.getByRole('status')).toHaveTextContent('Finished typing 3 characters'),
      )
      expect(keysDown(vm.record.keys, before)).toEqual([
        KEYSYM.shift,
        0x48,
        0x69,
        KEYSYM.shift,
        0x21,
      ])
    })
  },
}

/**
 * A QEMU-like server (scancodes only) and a text with characters the en-US layout has no key for:
 * nothing is typed until the user chooses; the list says which characters and where.
 */
export const UntypeableCharacters: Story = {
  args: {
    url: qemu.url,
    toolbar: (
      <ConsoleToolbar>
        <ConsoleTypeTextPanel />
      </ConsoleToolbar>
    ),
  },
  play: async ({ canvasElement, step }) => {
    await connectedConsole(canvasElement)
    // The client learns that the server takes QEMU key events from its first update.
    await new Promise((resolve) => setTimeout(resolve, 300))
    const toolbar = toolbarOf(canvasElement)
    const trigger = toolbar.getByRole('button', { name: 'Type text' })
    await waitFor(() => expect(trigger).toBeEnabled())
    await userEvent.click(trigger)
    const panel = within(toolbar.getByRole('dialog', { name: 'Type text into the VM' }))
    const text = panel.getByRole('textbox', { name: 'Text to type, key by key' })
    const before = qemu.record.keys.length
    await userEvent.type(text, 'café 中')
    await userEvent.click(panel.getByRole('button', { name: 'Type' }))
    await waitFor(() =>
      expect(panel.getByRole('status')).toHaveTextContent(
        '2 characters cannot be typed on this keyboard layout:',
      ),
    )
    expect(panel.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '“é” at position 4',
      '“中” at position 6',
    ])
    expect(qemu.record.keys.length).toBe(before)
    await step('"Type the rest" types the others', async () => {
      await userEvent.click(panel.getByRole('button', { name: 'Type the rest' }))
      await waitFor(() =>
        expect(panel.getByRole('status')).toHaveTextContent('Finished typing 4 characters'),
      )
      expect(keysDown(qemu.record.keys, before)).toEqual([0x63, 0x61, 0x66, 0x20])
    })
  },
}
