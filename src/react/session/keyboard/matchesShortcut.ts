import type { Shortcut } from './parseShortcut.js'

/**
 * Whether a keydown is `shortcut`: exactly its modifiers, and its key by DOM `code` (the same
 * physical key on any host layout) or by `key` value.
 */
export function matchesShortcut(
  event: Pick<KeyboardEvent, 'ctrlKey' | 'shiftKey' | 'altKey' | 'metaKey' | 'code' | 'key'>,
  shortcut: Shortcut,
): boolean {
  return (
    event.ctrlKey === shortcut.ctrl &&
    event.shiftKey === shortcut.shift &&
    event.altKey === shortcut.alt &&
    event.metaKey === shortcut.meta &&
    (event.code === shortcut.key || event.key.toLowerCase() === shortcut.key.toLowerCase())
  )
}
