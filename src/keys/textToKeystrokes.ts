import type { KeyAction } from './KeyAction.js'
import type { KeyboardLayout } from './KeyboardLayout.js'
import { keyboardLayouts, type KeyboardLayoutTable, type LayoutKey } from './keyboardLayouts.js'
import { keysymForCharacter } from './keysymForCharacter.js'

/** One character of a text and the key events that type it (empty: nothing to type). */
export interface TypedCharacter {
  char: string
  keys: KeyAction[]
}

const SHIFT = { keysym: 0xffe1, code: 'ShiftLeft' }
// noVNC sends AltGr as ISO_Level3_Shift on the right Alt key.
const ALT_GR = { keysym: 0xfe03, code: 'AltRight' }
const RETURN = { keysym: 0xff0d, code: 'Enter' }
const TAB = { keysym: 0xff09, code: 'Tab' }
const SPACE = { keysym: 0x20, code: 'Space' }

// Combining marks a dead key can add, by the dead keysym that adds it.
const COMBINING: Record<string, number> = {
  '\u0300': 0xfe50, // dead_grave
  '\u0301': 0xfe51, // dead_acute
  '\u0302': 0xfe52, // dead_circumflex
  '\u0303': 0xfe53, // dead_tilde
  '\u0308': 0xfe57, // dead_diaeresis
}

const tap = (key: { keysym: number; code: string }): KeyAction[] => [
  { ...key, down: true },
  { ...key, down: false },
]

function press(key: LayoutKey, keysym: number): KeyAction[] {
  const modifiers = [...(key.shift ? [SHIFT] : []), ...(key.altGr ? [ALT_GR] : [])]
  return [
    ...modifiers.map((m) => ({ ...m, down: true })),
    ...tap({ keysym, code: key.code }),
    ...modifiers.toReversed().map((m) => ({ ...m, down: false })),
  ]
}

function typeCharacter(char: string, layout: KeyboardLayoutTable): KeyAction[] {
  if (char === '\n' || char === '\r') return tap(RETURN)
  if (char === '\t') return tap(TAB)
  const cp = char.codePointAt(0) ?? 0
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return []
  const key = layout.chars.get(char)
  if (key) {
    // A lone accent on a dead key: the guest composes it with Space into the accent itself.
    if (key.dead !== undefined) return [...press(key, key.dead), ...tap(SPACE)]
    return press(key, keysymForCharacter(char))
  }
  // An accented letter the layout has no key for: its dead key, then the base letter (ê on AZERTY).
  const [base, mark, ...more] = [...char.normalize('NFD')]
  const deadKey = mark && !more.length ? layout.dead.get(COMBINING[mark] ?? 0) : undefined
  const baseKey = base ? layout.chars.get(base) : undefined
  if (deadKey?.dead !== undefined && baseKey && base) {
    return [...press(deadKey, deadKey.dead), ...press(baseKey, keysymForCharacter(base))]
  }
  // Nowhere on the layout: the keysym alone, which keysym-based servers (Xvnc, x11vnc) still type.
  return tap({ keysym: keysymForCharacter(char), code: '' })
}

/**
 * The key events that type `text` into a guest whose keyboard layout is `layout`, one entry per
 * character, each exactly what noVNC sends when that character is typed on such a keyboard:
 * Shift and AltGr around the key, dead keys then Space for lone accents, Return for a newline
 * (CRLF counts once), Tab for a tab. Other control characters type nothing.
 */
export function textToKeystrokes(text: string, layout: KeyboardLayout = 'en-US'): TypedCharacter[] {
  const table = keyboardLayouts[layout]
  return [...text.replace(/\r\n/g, '\n')].map((char) => ({
    char,
    keys: typeCharacter(char, table),
  }))
}
