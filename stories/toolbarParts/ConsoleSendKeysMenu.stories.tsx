import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { ConsoleSendKeysMenu, ConsoleToolbar, ConsoleViewer } from '../../src/index.js'
import { connectedConsole } from '../support/connectedConsole.js'
import { KEYSYM } from '../../test/support/console/KEYSYM.js'
import { keysDown } from '../support/keysDown.js'
import { partVm } from '../support/partVm.js'
import { toolbarPartMeta } from '../support/toolbarPartMeta.js'
import { toolbarOf } from '../support/toolbarOf.js'

const sendKeysVm = partVm('send-keys')
const combosVm = partVm('combos')

const meta = {
  title: 'Components/Toolbar parts/ConsoleSendKeysMenu',
  component: ConsoleViewer,
  ...toolbarPartMeta(
    { ConsoleSendKeysMenu },
    [sendKeysVm, combosVm],
    'A menu of key combinations the host would otherwise catch (Ctrl+Alt+Delete, Ctrl+Alt+F1…F12).',
  ),
} satisfies Meta<typeof ConsoleViewer>

export default meta
type Story = StoryObj<typeof meta>

export const SendKeysMenu: Story = {
  args: {
    url: sendKeysVm.url,
    toolbar: (
      <ConsoleToolbar>
        <ConsoleSendKeysMenu />
      </ConsoleToolbar>
    ),
  },
  play: async ({ canvasElement, step }) => {
    await connectedConsole(canvasElement)
    const toolbar = toolbarOf(canvasElement)
    const trigger = toolbar.getByRole('button', { name: 'Send keys' })
    await waitFor(() => expect(trigger).toBeEnabled())
    expect(trigger).toHaveAttribute('aria-haspopup', 'menu')
    expect(trigger).toHaveAttribute('aria-expanded', 'false')
    await step('the menu lists the default combinations', async () => {
      await userEvent.click(trigger)
      const menu = toolbar.getByRole('menu', { name: 'Send keys' })
      expect(trigger).toHaveAttribute('aria-expanded', 'true')
      const items = within(menu).getAllByRole('menuitem')
      expect(items).toHaveLength(20)
      expect(items[0]).toHaveAccessibleName('Ctrl+Alt+Delete')
      expect(within(menu).getByRole('group', { name: 'Ctrl+Alt+F1…F12' })).toBeInTheDocument()
      expect(within(menu).getByRole('menuitem', { name: 'Ctrl+Alt+F12' })).toHaveTextContent(
        /^F12$/,
      )
      await waitFor(() => expect(items[0]).toHaveFocus())
      await userEvent.keyboard('{ArrowDown}')
      expect(items[1]).toHaveAccessibleName('Ctrl+Alt+Backspace')
      expect(items[1]).toHaveFocus()
      await userEvent.keyboard('{Escape}')
      expect(toolbar.queryByRole('menu')).toBeNull()
      expect(trigger).toHaveFocus()
    })
    await step('Ctrl+Alt+Delete reaches the VM', async () => {
      const before = sendKeysVm.record.keys.length
      await userEvent.click(trigger)
      await userEvent.click(toolbar.getByRole('menuitem', { name: 'Ctrl+Alt+Delete' }))
      expect(toolbar.queryByRole('menu')).toBeNull()
      await waitFor(() =>
        expect(sendKeysVm.record.keys.slice(before)).toEqual([
          { keysym: KEYSYM.ctrl, down: true },
          { keysym: KEYSYM.alt, down: true },
          { keysym: KEYSYM.delete, down: true },
          { keysym: KEYSYM.delete, down: false },
          { keysym: KEYSYM.alt, down: false },
          { keysym: KEYSYM.ctrl, down: false },
        ]),
      )
    })
  },
}

export const SendKeysMenuCustomCombos: Story = {
  name: 'SendKeysMenu: own combos',
  args: {
    url: combosVm.url,
    toolbar: (
      <ConsoleToolbar>
        <ConsoleSendKeysMenu combos={['Ctrl+Alt+Delete', 'Alt+SysRq+B', 'Ctrl+C']} />
      </ConsoleToolbar>
    ),
  },
  play: async ({ canvasElement }) => {
    await connectedConsole(canvasElement)
    const toolbar = toolbarOf(canvasElement)
    const trigger = toolbar.getByRole('button', { name: 'Send keys' })
    await waitFor(() => expect(trigger).toBeEnabled())
    await userEvent.click(trigger)
    const items = within(toolbar.getByRole('menu')).getAllByRole('menuitem')
    expect(items.map((item) => item.textContent)).toEqual([
      'Ctrl+Alt+Delete',
      'Alt+SysRq+B',
      'Ctrl+C',
    ])
    const before = combosVm.record.keys.length
    await userEvent.click(items[2] as HTMLElement)
    await waitFor(() =>
      expect(keysDown(combosVm.record.keys, before)).toEqual([KEYSYM.ctrl, KEYSYM.char('c')]),
    )
  },
}
