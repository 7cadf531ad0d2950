import { expect, it } from 'vitest'
import { ConsoleError } from '../core/errors/ConsoleError.js'
import type { KeyboardLayout } from './KeyboardLayout.js'
import { keyboardLayouts } from './keyboardLayouts.js'
import { loadKeyboardLayout } from './loadKeyboardLayout.js'

it('loads every layout once and keeps it', async () => {
  for (const id of keyboardLayouts) {
    const table = await loadKeyboardLayout(id)
    expect(table.id).toBe(id)
    expect(await loadKeyboardLayout(id)).toBe(table)
    // Every layout types digits and Space; every Latin one the letters a–z somewhere.
    for (const c of ' 0123456789') expect(table.chars.has(c)).toBe(true)
    if (id !== 'ru-RU') for (const c of 'abcxyz') expect(table.chars.has(c)).toBe(true)
  }
})

it('refuses an unknown layout id with an invalid_input ConsoleError', async () => {
  const error = await loadKeyboardLayout('xx-XX' as KeyboardLayout).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(ConsoleError)
  expect(error).toMatchObject({
    kind: 'invalid_input',
    message: 'Unknown keyboard layout "xx-XX".',
  })
  await expect(loadKeyboardLayout('toString' as KeyboardLayout)).rejects.toThrow(ConsoleError)
})
