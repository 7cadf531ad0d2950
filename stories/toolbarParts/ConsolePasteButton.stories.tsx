import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import {
  ConsoleKeyboardButton,
  ConsolePasteButton,
  ConsoleToolbar,
  ConsoleTypeTextPanel,
  ConsoleViewer,
} from '../../src/index.js'
import { connectedConsole } from '../support/connectedConsole.js'
import { KEYSYM } from '../../test/support/console/KEYSYM.js'
import { keysDown } from '../support/keysDown.js'
import { partVm } from '../support/partVm.js'
import { toolbarPartMeta } from '../support/toolbarPartMeta.js'
import { toolbarOf } from '../support/toolbarOf.js'

const button = partVm('paste-button')
const shortcut = partVm('paste-shortcut')

const meta = {
  title: 'Components/Toolbar parts/ConsolePasteButton',
  component: ConsoleViewer,
  ...toolbarPartMeta(
    { ConsolePasteButton, ConsoleTypeTextPanel },
    [button, shortcut],
    'Pastes this computer’s clipboard into the VM as key presses on the guest’s keyboard layout ' +
      '(the button, or Ctrl+Shift+V while the console has the keyboard). Where the browser does ' +
      'not let the page read the clipboard (here: the story runs without that permission), it ' +
      'says so and opens "Type text" with the focus in its box, where Ctrl+V works.',
  ),
} satisfies Meta<typeof ConsoleViewer>

export default meta
type Story = StoryObj<typeof meta>

const toolbar = (
  <ConsoleToolbar>
    <ConsoleKeyboardButton />
    <ConsolePasteButton />
    <ConsoleTypeTextPanel />
  </ConsoleToolbar>
)

/** The refusal: the message, and the text box focused. Then the text typed from there. */
async function typeFromRefusal(
  canvasElement: HTMLElement,
  record: { keys: { keysym: number; down: boolean }[] },
) {
  const bar = toolbarOf(canvasElement)
  const panel = within(await bar.findByRole('dialog', { name: 'Type text into the VM' }))
  const box = panel.getByRole('textbox', { name: 'Text to type, key by key' })
  await waitFor(() => expect(box).toHaveFocus())
  expect(panel.getByRole('status')).toHaveTextContent(
    'The browser did not let the console read your clipboard.',
  )
  const before = record.keys.length
  await userEvent.keyboard('Hi!')
  // Keyboard only: Tab to "Type" (past the layout and pace), Enter.
  await userEvent.tab()
  await userEvent.tab()
  await userEvent.tab()
  expect(panel.getByRole('button', { name: 'Type' })).toHaveFocus()
  await userEvent.keyboard('{Enter}')
  await waitFor(() =>
    expect(panel.getByRole('status')).toHaveTextContent('Finished typing 3 characters'),
  )
  expect(keysDown(record.keys, before)).toEqual([KEYSYM.shift, 0x48, 0x69, KEYSYM.shift, 0x21])
}

export const PasteButton: Story = {
  args: { url: button.url, toolbar },
  play: async ({ canvasElement }) => {
    await connectedConsole(canvasElement)
    const paste = await toolbarOf(canvasElement).findByRole('button', {
      name: 'Paste from clipboard',
    })
    expect(paste).toHaveAttribute('aria-keyshortcuts', 'Control+Shift+V')
    await waitFor(() => expect(paste).toBeEnabled())
    // Keyboard only: focus the button, Enter.
    paste.focus()
    await userEvent.keyboard('{Enter}')
    await typeFromRefusal(canvasElement, button.record)
  },
}

export const PasteShortcut: Story = {
  args: { url: shortcut.url, toolbar },
  play: async ({ canvasElement }) => {
    const root = await connectedConsole(canvasElement)
    const screen = root.querySelector('[data-rvc-screen]') as HTMLElement
    expect(screen).toHaveAttribute('aria-keyshortcuts', 'Control+Shift+V')
    // Keyboard only: the console element, Enter gives the VM the keyboard, then the shortcut.
    screen.focus()
    await userEvent.keyboard('{Enter}')
    await waitFor(() => expect(root).toHaveAttribute('data-keyboard', 'captured'))
    const before = shortcut.record.keys.length
    await userEvent.keyboard('{Control>}{Shift>}V{/Shift}{/Control}')
    await typeFromRefusal(canvasElement, shortcut.record)
    // The V never reached the VM; Ctrl and Shift went down before it and were released.
    const sent = shortcut.record.keys.slice(before).map((k) => (k.down ? k.keysym : -k.keysym))
    expect(sent.slice(0, 2)).toEqual([KEYSYM.ctrl, KEYSYM.shift])
    expect(sent.filter((k) => Math.abs(k) === 0x56 || Math.abs(k) === 0x76)).toEqual([])
  },
}
