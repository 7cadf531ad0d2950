// Paste in real Chromium WITHOUT clipboard permission (this project grants none): the browser
// refuses `navigator.clipboard.readText()`, and the console says so and opens "Type text" with
// the focus in its box, where a plain Ctrl+V works in every browser.
import { cleanup, render, screen, within } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { commands, userEvent } from 'vitest/browser'
import { CloudTowerConsole } from '../../src/react/consoles/CloudTowerConsole.js'
import { consoleCanvas } from '../support/canvasText.js'
import { loadedConsole } from '../support/console/index.js'

let cloud: { id: string; url: string }
beforeAll(async () => {
  cloud = await commands.e2eStartBuiltInCloud()
})
afterEach(() => cleanup())
afterAll(async () => {
  await commands.e2eStopAll()
})

async function connectedConsole() {
  const { container } = render(
    <CloudTowerConsole
      endpoint={cloud.url}
      token="fake-cloudtower-admin-token"
      vmId="vm-ubuntu-01"
      style={{ width: 800, height: 600 }}
    />,
  )
  const root = await loadedConsole(container)
  await expect.poll(() => root.dataset.state, { timeout: 15_000 }).toBe('connected')
  return root
}

async function expectRefusal() {
  const panel = await screen.findByRole(
    'dialog',
    { name: 'Type text into the VM' },
    { timeout: 5_000 },
  )
  expect(within(panel).getByRole('status').textContent).toBe(
    'The browser did not let the console read your clipboard. Paste the text here (Ctrl+V), then choose Type.',
  )
  await expect
    .poll(() => document.activeElement)
    .toBe(within(panel).getByLabelText('Text to type, key by key'))
}

describe('Paste with the clipboard permission denied', () => {
  it('the button: the message, and Type text open with the focus in its box', async () => {
    await connectedConsole()
    await userEvent.click(screen.getByRole('button', { name: 'Paste from clipboard' }))
    await expectRefusal()
  })

  it('the shortcut on the captured console: the same', async () => {
    const root = await connectedConsole()
    const canvas = consoleCanvas(root)
    if (!canvas) throw new Error('no canvas')
    await userEvent.click(canvas)
    await expect.poll(() => root.dataset.keyboard).toBe('captured')
    await userEvent.keyboard('{Control>}{Shift>}{KeyV}{/Shift}{/Control}')
    await expectRefusal()
  })
})
