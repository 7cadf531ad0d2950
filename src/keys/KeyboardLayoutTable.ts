import type { KeyboardLayout } from './KeyboardLayout.js'
import type { LayoutKey } from './LayoutKey.js'

/** A layout (see `loadKeyboardLayout`): the key that types each character, and its dead keys. */
export interface KeyboardLayoutTable {
  id: KeyboardLayout
  /** Characters the layout types directly; with the fewest modifiers where several keys do. */
  chars: ReadonlyMap<string, LayoutKey>
  /** Dead keys by dead keysym (0xfe50 dead_grave …). */
  dead: ReadonlyMap<number, LayoutKey>
}
