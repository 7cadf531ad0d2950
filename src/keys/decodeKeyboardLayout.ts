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
  // A character on two keys is typed on the one every keyboard has (not the ISO key left of Z or
  // the Japanese yen and ro keys: US Windows types \ there, not <), then with the fewest modifiers.
  for (let pass = 0; pass < 8; pass++) {
    const level = pass % 4
    layoutKeyCodes.forEach((code, k) => {
      if (code.startsWith('Intl') !== pass > 3) return
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
