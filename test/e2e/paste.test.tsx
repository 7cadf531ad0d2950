// Paste from the host clipboard into QEMU (issue 16): real Chromium with clipboard permission,
// the fake CloudTower relaying to QEMU's VNC server, and the relay tapped so every key event that
// reaches QEMU is decoded through QEMU's OWN keymap for the guest layout
// (/usr/share/qemu/keymaps, test/support/qemuKeymap.ts): an oracle independent of our tables.
import { cleanup, render, screen, within } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { commands, userEvent } from 'vitest/browser'
import { CloudTowerConsole } from '../../src/react/consoles/CloudTowerConsole.js'
import type { KeyboardLayout } from '../../src/keys/KeyboardLayout.js'
import { consoleCanvas } from '../support/canvasText.js'
import { loadedConsole } from '../support/console/index.js'

let qemu: { id: string; vncPort: number }
let cloud: { id: string; url: string }

beforeAll(async () => {
  qemu = await commands.e2eStartQemu()
  const target = `127.0.0.1:${qemu.vncPort}`
  cloud = await commands.e2eStartCloud({ cloudTower: target, ecs: target })
})
afterEach(() => cleanup())
afterAll(async () => {
  await commands.e2eStopAll()
})

async function connectedConsole(layout: KeyboardLayout) {
  const { container } = render(
    <CloudTowerConsole
      endpoint={cloud.url}
      token="fake-cloudtower-admin-token"
      vmId="vm-ubuntu-01"
      guestKeyboardLayout={layout}
      style={{ width: 720, height: 400 }}
    />,
  )
  const root = await loadedConsole(container)
  await expect.poll(() => root.dataset.state, { timeout: 20_000 }).toBe('connected')
  const canvas = consoleCanvas(root)
  if (!canvas) throw new Error('no canvas after connecting')
  // A real click: the keyboard goes to the VM (noVNC's canvas has the focus).
  await userEvent.click(canvas)
  await expect.poll(() => root.dataset.keyboard).toBe('captured')
  // noVNC learns that QEMU takes extended key events from its first update.
  await new Promise((resolve) => setTimeout(resolve, 500))
  return root
}

/** Key events the relay saw since `from`, once they stop coming. */
async function settledKeys(from: number) {
  let last = -1
  for (let i = 0; i < 100; i++) {
    const { keys, errors } = await commands.e2eCloudKeys(cloud.id)
    expect(errors).toEqual([])
    if (keys.length === last && !document.querySelector('[data-rvc-button][data-typing]')) {
      return keys.slice(from)
    }
    last = keys.length
    await new Promise((resolve) => setTimeout(resolve, 300))
  }
  throw new Error('key events never settled')
}

/**
 * Ctrl+Shift+V, with Ctrl and Shift held until the paste has been typed (as a person holds them
 * a while): the guest must not see them held while the text goes in.
 */
async function pasteWithShortcut(text: string) {
  await navigator.clipboard.writeText(text)
  const from = (await commands.e2eCloudKeys(cloud.id)).keys.length
  await userEvent.keyboard('{Control>}{Shift>}{KeyV}')
  await settledKeys(from)
  await userEvent.keyboard('{/Shift}{/Control}')
  return from
}

describe('Paste into QEMU, decoded through QEMU’s own keymap', () => {
  const cases: [layout: KeyboardLayout, keymap: string, text: string][] = [
    // de-DE types with dead keys; QEMU's `de` is the no-dead-keys map, which agrees on these keys.
    ['de-DE', 'de', 'Pässwörd-@{}\n'],
    ['fr-FR', 'fr', 'àéèç€@'],
    ['en-GB', 'en-gb', '£#~"@'],
  ]
  for (const [layout, keymap, text] of cases) {
    it(`${layout}: Ctrl+Shift+V types ${JSON.stringify(text)} exactly`, async () => {
      await connectedConsole(layout)
      const from = await pasteWithShortcut(text)
      const keys = await settledKeys(from)
      expect(await commands.e2eDecodeQemuKeys(keys, keymap)).toBe(text)
      // Every key pressed was released (no Ctrl or Shift left down in the guest), and no V.
      const balance = new Map<number, number>()
      for (const key of keys) {
        balance.set(key.scancode, (balance.get(key.scancode) ?? 0) + (key.down ? 1 : -1))
      }
      expect([...balance.values()].every((n) => n === 0)).toBe(true)
      expect(keys.some((k) => k.scancode === 0x2f)).toBe(false) // the V key
      expect(keys.every((k) => k.scancode !== 0)).toBe(true) // never a bare keysym to QEMU
    })
  }

  it('ja-JP: |_ typed on the JIS keys; ¥ listed as not typeable, then the rest typed', async () => {
    await connectedConsole('ja-JP')
    const from = await pasteWithShortcut('|_¥')
    const panel = await screen.findByRole('dialog', { name: 'Type text into the VM' })
    expect(within(panel).getByRole('listitem').textContent).toBe('“¥” at position 3')
    expect((await commands.e2eCloudKeys(cloud.id)).keys.slice(from + 4)).toEqual([])
    await userEvent.click(within(panel).getByRole('button', { name: 'Type the rest' }))
    const keys = await settledKeys(from)
    expect(await commands.e2eDecodeQemuKeys(keys, 'ja')).toBe('|_')
  })

  it('中文🙂: no key event reaches QEMU, and the panel lists the three characters', async () => {
    await connectedConsole('en-US')
    const from = await pasteWithShortcut('中文🙂')
    const panel = await screen.findByRole('dialog', { name: 'Type text into the VM' })
    expect(
      within(panel)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['“中” at position 1', '“文” at position 2', '“🙂” at position 3'])
    const keys = await settledKeys(from)
    // Only the shortcut's own Ctrl and Shift, pressed and released: nothing typed.
    expect(await commands.e2eDecodeQemuKeys(keys, 'en-us')).toBe('')
    expect(keys.filter((k) => k.down).map((k) => k.scancode)).toEqual([0x1d, 0x2a])
  })
})
