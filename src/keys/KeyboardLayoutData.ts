import type { KeyboardLayout } from './KeyboardLayout.js'

/** A generated layout module (src/keys/layouts/), as `decodeKeyboardLayout` reads it. */
export interface KeyboardLayoutData {
  id: KeyboardLayout
  /**
   * Four code points per key of `layoutKeyCodes` (base, Shift, AltGr, Shift+AltGr): the character
   * typed, U+0000 for nothing, U+E000 + n for the dead key with keysym 0xFE00 + n.
   */
  keys: string
  /** Characters whose keysym on this layout is not the one `keysymForCharacter` gives. */
  keysyms: Readonly<Record<string, number>>
}
