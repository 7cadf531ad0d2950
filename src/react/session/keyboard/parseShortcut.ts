/** A keyboard shortcut as the console matches and announces it. */
export interface Shortcut {
  ctrl: boolean
  shift: boolean
  alt: boolean
  meta: boolean
  /** The key: a DOM `code` (`KeyV`) or a `key` value (`v`, `Insert`). */
  key: string
  /** The value for `aria-keyshortcuts` (`Control+Shift+V`). */
  aria: string
}

const MODIFIERS: Record<string, 'ctrl' | 'shift' | 'alt' | 'meta'> = {
  control: 'ctrl',
  ctrl: 'ctrl',
  shift: 'shift',
  alt: 'alt',
  meta: 'meta',
  cmd: 'meta',
}
const ARIA = { ctrl: 'Control', alt: 'Alt', shift: 'Shift', meta: 'Meta' } as const

/**
 * Parses `Control+Shift+KeyV`: modifiers, then one key, by DOM `code` or `key` value. The key is
 * matched by code first, so the shortcut stays on the same physical key on any host layout.
 * Answers undefined for a string with no key or an unknown modifier.
 */
export function parseShortcut(shortcut: string): Shortcut | undefined {
  const parts = shortcut.split('+').map((part) => part.trim())
  const key = parts.pop()
  if (!key) return undefined
  const result: Shortcut = { ctrl: false, shift: false, alt: false, meta: false, key, aria: '' }
  for (const part of parts) {
    const modifier = MODIFIERS[part.toLowerCase()]
    if (!modifier) return undefined
    result[modifier] = true
  }
  const ariaKey = /^(Key|Digit)[A-Z0-9]$/.test(key) ? key.slice(-1) : key
  const held = (['ctrl', 'alt', 'shift', 'meta'] as const).filter((m) => result[m])
  result.aria = [...held.map((m) => ARIA[m]), ariaKey].join('+')
  return result
}
