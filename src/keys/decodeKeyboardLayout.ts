import type { KeyboardLayoutData } from './KeyboardLayoutData.js'
import type { KeyboardLayoutTable } from './KeyboardLayoutTable.js'
import type { LayoutKey } from './LayoutKey.js'
import { keysymForCharacter } from './keysymForCharacter.js'
import { layoutKeyCodes } from './layoutKeyCodes.js'

/** A generated layout module read into its table (see `KeyboardLayoutData` for the format). */
export function decodeKeyboardLayout(data: KeyboardLayoutData): KeyboardLayoutTable {
  const chars = new Map<string, LayoutKey>()
  const dead = new Map<number, LayoutKey>()
  const points = [...data.keys]
  // A character on two keys is typed with the fewest modifiers, counting the keys not every
  // keyboard has (ISO key left of Z, Japanese yen and ro) as one more: on en-US, < is Shift+Comma
  // (US Windows types \ on the ISO key), on sv-SE still the ISO key rather than AltGr+Shift+Z.
  for (let pass = 0; pass < 10; pass++) {
    const intl = pass % 2 === 1
    const level = (pass >> 1) - (intl ? 1 : 0)
    layoutKeyCodes.forEach((code, k) => {
      if (level < 0 || level > 3 || code.startsWith('Intl') !== intl) return
      const char = points[k * 4 + level] ?? '\0'
      const cp = char.codePointAt(0) ?? 0
      const key = { code, shift: level % 2 === 1, altGr: level > 1 }
      if (cp >= 0xe000 && cp <= 0xe0ff) {
        const keysym = 0xfe00 + cp - 0xe000
        if (!dead.has(keysym)) dead.set(keysym, { ...key, keysym, dead: keysym })
      } else if (cp && !chars.has(char)) {
        chars.set(char, { ...key, keysym: data.keysyms[char] ?? keysymForCharacter(char) })
      }
    })
  }
  return { id: data.id, chars, dead }
}
