import { ConsoleError } from '../core/errors/ConsoleError.js'
import type { KeyboardLayout } from './KeyboardLayout.js'
import type { KeyboardLayoutTable } from './KeyboardLayoutTable.js'
import type { TypedCharacter } from './TypedCharacter.js'
import { loadedKeyboardLayouts } from './loadedKeyboardLayouts.js'
import { planTyping } from './planTyping.js'

/**
 * The key events that type `text` on a guest layout (see `planTyping`), characters no key types
 * sent as their keysym alone (what keysym-based servers type; QEMU drops them: use `planTyping`
 * to find them first). `layout` is a table from `loadKeyboardLayout` or an id: en-US always works,
 * another id only once `loadKeyboardLayout` has loaded it (else a `ConsoleError` `invalid_input`).
 */
export function textToKeystrokes(
  text: string,
  layout: KeyboardLayout | KeyboardLayoutTable = 'en-US',
): TypedCharacter[] {
  const table = typeof layout === 'string' ? loadedKeyboardLayouts.get(layout) : layout
  if (!table) {
    throw new ConsoleError({
      kind: 'invalid_input',
      provider: 'vnc',
      message: `Keyboard layout "${String(layout)}" is not loaded yet: await loadKeyboardLayout first.`,
    })
  }
  return planTyping(text, table, { keysymFallback: true }).characters
}
