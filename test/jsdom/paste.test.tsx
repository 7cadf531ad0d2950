// Paste (issue 16) through the REAL react-vnc/noVNC against the real RFB server: the shortcut and
// the button, the guest layout, untypeable characters, a refused clipboard, and a local input
// method. Checked by what reaches the server. jsdom has no clipboard: `navigator.clipboard` is
// stubbed per test (the real one is exercised in Chromium, test/browser and test/e2e).
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { createRef } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ConsoleViewer } from '../../src/react/lazy/ConsoleViewer.js'
import type { ConsoleViewerHandle, ConsoleViewerProps } from '../../src/react/types.js'
import { keyboardLayouts } from '../../src/keys/keyboardLayouts.js'
import { guestLayoutStorageKey } from '../../src/react/session/guestLayoutStorageKey.js'
import {
  createUser,
  expectNoAxeViolations,
  keysAt,
  receivedKeys,
  serve,
} from '../support/consoleUi.js'
import { KEYSYM, waitForState } from '../support/console/index.js'

const { ctrl: CTRL, shift: SHIFT } = KEYSYM

afterEach(() => {
  vi.restoreAllMocks()
  Reflect.deleteProperty(navigator, 'clipboard')
  localStorage.clear()
})

function stubClipboard(readText: () => Promise<string>) {
  Object.defineProperty(navigator, 'clipboard', { value: { readText }, configurable: true })
}

async function connectedConsole(
  options: Parameters<typeof serve>[0] = {},
  props: Partial<ConsoleViewerProps> = {},
) {
  const vm = await serve(options)
  const ref = createRef<ConsoleViewerHandle>()
  const view = render(<ConsoleViewer ref={ref} url={vm.issue()} toolbar overlay {...props} />)
  await waitForState(view.container, 'connected')
  const session = vm.server.sessions[0]!
  const canvas = view.container.querySelector('[data-rvc-screen] canvas') as HTMLCanvasElement
  if (options.extendedClipboard) {
    // The server offers its clipboard right after the client lists its encodings.
    await session.waitUntil((s) => s.log.some((m) => m.type === 'clientCutText'))
  }
  if (options.qemuKeys) {
    // The client learns that the server takes QEMU key events from the first update after connecting.
    await session.waitUntil((s) => s.qemuKeysActive)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return { vm, session, canvas, ref, ...view }
}

/** Ctrl and Shift pressed on the canvas (noVNC sends both down), then V: the paste shortcut. */
function pressCtrlShiftV(canvas: HTMLCanvasElement) {
  act(() => canvas.focus())
  fireEvent.keyDown(canvas, { key: 'Control', code: 'ControlLeft', ctrlKey: true })
  fireEvent.keyDown(canvas, { key: 'Shift', code: 'ShiftLeft', ctrlKey: true, shiftKey: true })
  fireEvent.keyDown(canvas, { key: 'V', code: 'KeyV', ctrlKey: true, shiftKey: true })
}

function releaseCtrlShiftV(canvas: HTMLCanvasElement) {
  fireEvent.keyUp(canvas, { key: 'V', code: 'KeyV', ctrlKey: true, shiftKey: true })
  fireEvent.keyUp(canvas, { key: 'Shift', code: 'ShiftLeft', ctrlKey: true })
  fireEvent.keyUp(canvas, { key: 'Control', code: 'ControlLeft' })
}

describe('Paste shortcut', () => {
  it('types the clipboard; the V never reaches the VM, Ctrl and Shift are released first', async () => {
    const readText = vi.fn(async () => 'Hi')
    stubClipboard(readText)
    const { session, canvas } = await connectedConsole()
    pressCtrlShiftV(canvas)
    expect(readText).toHaveBeenCalledTimes(1)
    const keys = await receivedKeys(session, 10)
    releaseCtrlShiftV(canvas)
    await new Promise((resolve) => setTimeout(resolve, 100))
    // What noVNC sent before the V, then both released at the VM before the text is typed.
    expect(keys.slice(0, 2)).toEqual([CTRL, SHIFT])
    expect(keys.slice(2, 4).toSorted()).toEqual([-SHIFT, -CTRL].toSorted())
    expect(keys.slice(4)).toEqual([SHIFT, 0x48, -0x48, -SHIFT, 0x69, -0x69])
    // Nothing more arrived: the physical releases afterwards were not sent twice, and no V.
    expect(keysAt(session)).toHaveLength(10)
    expect(keysAt(session).some((k) => Math.abs(k) === 0x56 || Math.abs(k) === 0x76)).toBe(false)
  })

  it('is announced with aria-keyshortcuts, can be changed, and turned off', async () => {
    stubClipboard(async () => 'x')
    const first = await connectedConsole({}, { pasteShortcut: 'Shift+Insert' })
    const button = screen.getByRole('button', { name: 'Paste from clipboard' })
    expect(button.getAttribute('aria-keyshortcuts')).toBe('Shift+Insert')
    expect(
      first.container.querySelector('[data-rvc-screen]')?.getAttribute('aria-keyshortcuts'),
    ).toBe('Shift+Insert')
    first.unmount()
    const readText = vi.fn(async () => 'x')
    stubClipboard(readText)
    const { session, canvas } = await connectedConsole({}, { pasteShortcut: false })
    expect(
      screen
        .getByRole('button', { name: 'Paste from clipboard' })
        .hasAttribute('aria-keyshortcuts'),
    ).toBe(false)
    pressCtrlShiftV(canvas)
    // Off: noVNC sends the V like any key.
    await receivedKeys(session, 3)
    expect(readText).not.toHaveBeenCalled()
    expect(keysAt(session)).toEqual([CTRL, SHIFT, 0x56])
  })
})

describe('Paste button', () => {
  it('types the clipboard on the guest layout (QEMU scancodes)', async () => {
    const user = createUser()
    stubClipboard(async () => 'zY@')
    const { session } = await connectedConsole({ qemuKeys: true }, { guestKeyboardLayout: 'de-DE' })
    await user.click(screen.getByRole('button', { name: 'Paste from clipboard' }))
    expect(await receivedKeys(session, 10)).toEqual([
      0x7a, -0x7a,
      SHIFT, 0x59, -0x59, -SHIFT,
      KEYSYM.altgr, 0x40, -0x40, -KEYSYM.altgr,
    ]) // prettier-ignore
    // QEMU hears the physical keys: z is the key labelled Y on US keyboards, @ is AltGr+Q.
    expect(session.keys[0]!.scancode).toBe(0x15)
    expect(session.keys[7]!.scancode).toBe(0x10)
  })

  it('on a refused clipboard says so and opens Type text with the focus in its box', async () => {
    const user = createUser()
    stubClipboard(() =>
      Promise.reject(new DOMException('Read permission denied.', 'NotAllowedError')),
    )
    const { session } = await connectedConsole()
    await user.click(screen.getByRole('button', { name: 'Paste from clipboard' }))
    const panel = await screen.findByRole('dialog', { name: 'Type text into the VM' })
    const box = within(panel).getByLabelText('Text to type, key by key')
    await waitFor(() => expect(document.activeElement).toBe(box))
    expect(within(panel).getByRole('status').textContent).toMatch(
      /^The browser did not let the console read your clipboard/,
    )
    expect(session.keys).toHaveLength(0)
  })

  it('an empty clipboard: says so, sends nothing', async () => {
    const user = createUser()
    stubClipboard(async () => '')
    const { session } = await connectedConsole()
    await user.click(screen.getByRole('button', { name: 'Paste from clipboard' }))
    const panel = await screen.findByRole('dialog', { name: 'Type text into the VM' })
    expect(within(panel).getByRole('status').textContent).toBe(
      'Your clipboard holds no text to paste.',
    )
    expect(session.keys).toHaveLength(0)
  })

  it('while it types, the button shows the progress and stops it; no modifier left down', async () => {
    const user = createUser()
    stubClipboard(async () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.repeat(40))
    // Scancode keys: 10 ms of QEMU's time per key event, so 1040 characters take seconds.
    const { session } = await connectedConsole({ qemuKeys: true })
    await user.click(screen.getByRole('button', { name: 'Paste from clipboard' }))
    const stop = await screen.findByRole('button', { name: 'Stop typing' })
    expect(stop.getAttribute('title')).toMatch(/^Typed \d+ of 1040 characters$/)
    await session.waitUntil((s) => s.keys.length >= 40)
    await user.click(stop)
    await screen.findByRole('button', { name: 'Paste from clipboard' })
    await new Promise((resolve) => setTimeout(resolve, 100))
    const keys = keysAt(session)
    expect(keys.length).toBeLessThan(1040 * 4)
    expect(keys.length % 4).toBe(0)
    expect(keys.filter((k) => k === SHIFT).length).toBe(keys.filter((k) => k === -SHIFT).length)
  })

  it('with no clipboard API at all, the same', async () => {
    const user = createUser()
    await connectedConsole()
    expect(navigator.clipboard).toBeUndefined()
    await user.click(screen.getByRole('button', { name: 'Paste from clipboard' }))
    const panel = await screen.findByRole('dialog', { name: 'Type text into the VM' })
    await waitFor(() =>
      expect(document.activeElement).toBe(within(panel).getByLabelText('Text to type, key by key')),
    )
  })
})

describe('Nothing dropped silently', () => {
  it('中文🙂 against QEMU: no key sent, the panel lists the three characters', async () => {
    const { session, ref } = await connectedConsole({ qemuKeys: true })
    let result: Awaited<ReturnType<ConsoleViewerHandle['pasteText']>> | undefined
    await act(async () => {
      result = await ref.current!.pasteText('中文🙂')
    })
    expect(result).toMatchObject({ done: 0, total: 0, cancelled: true })
    expect(result?.untypeable).toEqual([
      { char: '中', index: 0 },
      { char: '文', index: 1 },
      { char: '🙂', index: 2 },
    ])
    const panel = await screen.findByRole('dialog', { name: 'Type text into the VM' })
    expect(within(panel).getByRole('status').textContent).toBe(
      'None of the characters can be typed on this keyboard layout, so nothing was sent.',
    )
    expect(
      within(panel)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['“中” at position 1', '“文” at position 2', '“🙂” at position 3'])
    expect(within(panel).queryByRole('button', { name: 'Type the rest' })).toBeNull()
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(session.keys).toHaveLength(0)
    await expectNoAxeViolations(panel)
  })

  it('é on en-US against QEMU: listed, then "Type the rest" types the others', async () => {
    const user = createUser()
    const { session, ref } = await connectedConsole({ qemuKeys: true })
    await act(async () => {
      await ref.current!.pasteText('café!')
    })
    const panel = await screen.findByRole('dialog', { name: 'Type text into the VM' })
    expect(within(panel).getByRole('status').textContent).toBe(
      '1 characters cannot be typed on this keyboard layout:',
    )
    expect(within(panel).getByRole('listitem').textContent).toBe('“é” at position 4')
    expect(session.keys).toHaveLength(0)
    await user.click(within(panel).getByRole('button', { name: 'Type the rest' }))
    expect(await receivedKeys(session, 10)).toEqual([
      0x63,
      -0x63,
      0x61,
      -0x61,
      0x66,
      -0x66,
      SHIFT,
      0x21,
      -0x21,
      -SHIFT,
    ])
    await waitFor(() =>
      expect(within(panel).getByRole('status').textContent).toBe('Finished typing 4 characters'),
    )
  })

  it('é on en-US against a keysym server (no QEMU keys): sent as its keysym', async () => {
    const { session, ref } = await connectedConsole()
    await act(async () => {
      await ref.current!.pasteText('é')
    })
    expect(await receivedKeys(session, 2)).toEqual([0xe9, -0xe9])
  })
})

describe('The server clipboard too, where the server has one', () => {
  it('offers the option only with the extended clipboard; checked, Paste also fills it', async () => {
    const user = createUser()
    stubClipboard(async () => 'ls\n')
    const plain = await connectedConsole()
    await user.click(screen.getByRole('button', { name: 'Type text' }))
    expect(screen.queryByRole('checkbox')).toBeNull()
    plain.unmount()
    const { session } = await connectedConsole({ extendedClipboard: true })
    await user.click(screen.getByRole('button', { name: 'Type text' }))
    const option = within(screen.getByRole('dialog')).getByRole('checkbox', {
      name: "Also put the text on the VM's clipboard",
    })
    expect(option).toHaveProperty('checked', false)
    await user.click(option)
    expect(option).toHaveProperty('checked', true)
    await user.click(screen.getByRole('button', { name: 'Paste from clipboard' }))
    // Keystrokes stay: the text is typed, and put on the server's clipboard as well.
    expect(await receivedKeys(session, 6)).toEqual([
      0x6c,
      -0x6c,
      0x73,
      -0x73,
      KEYSYM.return,
      -KEYSYM.return,
    ])
    await session.waitUntil((s) => s.clientCutTexts.length > 0)
    expect(session.clientCutTexts).toEqual(['ls\n'])
  })
})

describe('Guest keyboard layout', () => {
  it('offers every layout by name, and remembers the choice per connectionKey only', async () => {
    const user = createUser()
    const first = await connectedConsole({}, { connectionKey: 'console-a' })
    await user.click(screen.getByRole('button', { name: 'Type text' }))
    const select = within(screen.getByRole('dialog')).getByLabelText("VM's keyboard layout")
    const options = within(select).getAllByRole('option')
    expect(options.map((o) => o.getAttribute('value'))).toEqual(keyboardLayouts)
    expect(options.find((o) => o.getAttribute('value') === 'de-CH')?.textContent).toBe(
      'Swiss High German',
    )
    await user.selectOptions(select, 'sv-SE')
    expect(localStorage.getItem(guestLayoutStorageKey('console-a'))).toBe('sv-SE')
    expect(JSON.stringify({ ...localStorage })).not.toContain('console-a')
    first.unmount()
    const again = await connectedConsole({}, { connectionKey: 'console-a' })
    await user.click(screen.getByRole('button', { name: 'Type text' }))
    expect(
      within(screen.getByRole('dialog')).getByLabelText("VM's keyboard layout"),
    ).toHaveProperty('value', 'sv-SE')
    again.unmount()
    await connectedConsole({}, { connectionKey: 'console-b', guestKeyboardLayout: 'ja-JP' })
    await user.click(screen.getByRole('button', { name: 'Type text' }))
    expect(
      within(screen.getByRole('dialog')).getByLabelText("VM's keyboard layout"),
    ).toHaveProperty('value', 'ja-JP')
  })

  it('the deprecated defaultKeyboardLayout still preselects', async () => {
    const user = createUser()
    await connectedConsole({}, { defaultKeyboardLayout: 'fr-FR' })
    await user.click(screen.getByRole('button', { name: 'Type text' }))
    expect(
      within(screen.getByRole('dialog')).getByLabelText("VM's keyboard layout"),
    ).toHaveProperty('value', 'fr-FR')
  })
})

describe('Local input method', () => {
  it('a composed key sends nothing and shows the hint once', async () => {
    const { session, canvas, container } = await connectedConsole({}, { locale: 'zh-CN' })
    expect(screen.getByRole('button', { name: '从剪贴板粘贴' })).toHaveProperty('disabled', false)
    act(() => canvas.focus())
    fireEvent.keyDown(canvas, { key: 'Process', code: 'KeyN', keyCode: 229 })
    fireEvent.keyUp(canvas, { key: 'n', code: 'KeyN', isComposing: true })
    fireEvent.keyDown(canvas, { key: 'i', code: 'KeyI', isComposing: true })
    fireEvent.keyUp(canvas, { key: 'i', code: 'KeyI', isComposing: true })
    await waitFor(() =>
      expect(container.querySelector('[data-rvc-ime-hint]')?.textContent).toBe(
        '输入法已开启：虚拟机接收的是按键，而不是输入法组合出的文字。请关闭输入法，或使用粘贴。',
      ),
    )
    // A plain key still goes through, so the keyboard works once the IME is off.
    fireEvent.keyDown(canvas, { key: 'a', code: 'KeyA' })
    fireEvent.keyUp(canvas, { key: 'a', code: 'KeyA' })
    expect(await receivedKeys(session, 2)).toEqual([0x61, -0x61])
    // Dismissed, it does not come back for this console.
    fireEvent.click(
      within(container.querySelector('[data-rvc-ime-hint]') as HTMLElement).getByRole('button'),
    )
    fireEvent.keyDown(canvas, { key: 'Process', code: 'KeyN', keyCode: 229 })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(container.querySelector('[data-rvc-ime-hint]')).toBeNull()
    expect(session.keys).toHaveLength(2)
  })
})
