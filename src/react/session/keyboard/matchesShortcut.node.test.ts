import { describe, expect, it } from 'vitest'
import { matchesShortcut } from './matchesShortcut.js'
import { parseShortcut } from './parseShortcut.js'

const event = (code: string, key: string, mods: { ctrl?: boolean; shift?: boolean } = {}) => ({
  code,
  key,
  ctrlKey: mods.ctrl ?? false,
  shiftKey: mods.shift ?? false,
  altKey: false,
  metaKey: false,
})

describe('matchesShortcut', () => {
  const paste = parseShortcut('Control+Shift+KeyV')!
  it('matches the physical key with exactly its modifiers', () => {
    expect(matchesShortcut(event('KeyV', 'V', { ctrl: true, shift: true }), paste)).toBe(true)
    // The V key on a Dvorak host types "k": still the shortcut (same physical key).
    expect(matchesShortcut(event('KeyV', 'K', { ctrl: true, shift: true }), paste)).toBe(true)
  })
  it('does not match with a modifier missing or added, or another key', () => {
    expect(matchesShortcut(event('KeyV', 'v', { ctrl: true }), paste)).toBe(false)
    expect(matchesShortcut(event('KeyC', 'C', { ctrl: true, shift: true }), paste)).toBe(false)
    expect(
      matchesShortcut({ ...event('KeyV', 'V', { ctrl: true, shift: true }), altKey: true }, paste),
    ).toBe(false)
  })
  it('matches by key value too', () => {
    expect(
      matchesShortcut(event('Insert', 'Insert', { shift: true }), parseShortcut('Shift+Insert')!),
    ).toBe(true)
  })
})
