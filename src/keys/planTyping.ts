import type { KeyAction } from './KeyAction.js'
import type { KeyboardLayoutTable } from './KeyboardLayoutTable.js'
import type { LayoutKey } from './LayoutKey.js'
import type { TypingPlan } from './TypingPlan.js'
import { keysymForCharacter } from './keysymForCharacter.js'

const SHIFT = { keysym: 0xffe1, code: 'ShiftLeft' }
// noVNC sends AltGr as ISO_Level3_Shift on the right Alt key.
const ALT_GR = { keysym: 0xfe03, code: 'AltRight' }
const RETURN = { keysym: 0xff0d, code: 'Enter' }
const TAB = { keysym: 0xff09, code: 'Tab' }
const SPACE = { keysym: 0x20, code: 'Space' }

// Dead keysyms (0xfe50 + n) by the combining mark they add (for é = e + U+0301) and by the
// accent they type alone, followed by Space (^ = dead_circumflex, Space).
const MARKS = '\u0300\u0301\u0302\u0303\u0304\u0306\u0307\u0308\u030a\u030b\u030c\u0327\u0328'
const ACCENTS = '`´^~¯˘˙¨°˝ˇ¸˛'
const deadKeysym = (char: string, list: string) => {
  const i = list.indexOf(char)
  return i < 0 ? 0 : 0xfe50 + i
}

const tap = (key: { keysym: number; code: string }): KeyAction[] => [
  { ...key, down: true },
  { ...key, down: false },
]

function press(key: LayoutKey): KeyAction[] {
  const modifiers = [...(key.shift ? [SHIFT] : []), ...(key.altGr ? [ALT_GR] : [])]
  return [
    ...modifiers.map((m) => ({ ...m, down: true })),
    ...tap({ keysym: key.keysym, code: key.code }),
    ...modifiers.toReversed().map((m) => ({ ...m, down: false })),
  ]
}

/** The keys that type `char` on `layout`; undefined when the layout has none. */
function typeCharacter(char: string, layout: KeyboardLayoutTable): KeyAction[] | undefined {
  if (char === '\n' || char === '\r') return tap(RETURN)
  if (char === '\t') return tap(TAB)
  const cp = char.codePointAt(0) ?? 0
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return []
  const key = layout.chars.get(char)
  if (key) return press(key)
  // A lone accent that only a dead key types: the guest composes it with Space into the accent.
  const lone = layout.dead.get(deadKeysym(char, ACCENTS))
  if (lone) return [...press(lone), ...tap(SPACE)]
  // An accented letter the layout has no key for: its dead key, then the base letter (ê on AZERTY).
  const [base, mark, ...more] = [...char.normalize('NFD')]
  const dead = mark && !more.length ? layout.dead.get(deadKeysym(mark, MARKS)) : undefined
  const baseKey = base ? layout.chars.get(base) : undefined
  if (dead && baseKey) return [...press(dead), ...press(baseKey)]
  return undefined
}

/**
 * The key events that type `text` into a guest whose keyboard layout is `layout`, one entry per
 * character, each exactly what noVNC sends when that character is typed on such a keyboard:
 * Shift and AltGr around the key, dead key then Space for a lone accent, dead key then letter for
 * an accented letter the layout has no key for, Return for a newline (CRLF counts once), Tab for
 * a tab; other control characters type nothing. A character no key types is, with
 * `keysymFallback` (keysym-based servers such as Xvnc, which type any keysym), sent as its keysym
 * alone (DOM code ''); without it (QEMU, which drops such a keysym or types a wrong key) it gets no
 * keys and is listed in `untypeable`.
 */
export function planTyping(
  text: string,
  layout: KeyboardLayoutTable,
  options: { keysymFallback: boolean },
): TypingPlan {
  const plan: TypingPlan = { characters: [], untypeable: [] }
  ;[...text.replace(/\r\n/g, '\n')].forEach((char, index) => {
    let keys = typeCharacter(char, layout)
    if (!keys && options.keysymFallback) keys = tap({ keysym: keysymForCharacter(char), code: '' })
    if (!keys) plan.untypeable.push({ char, index })
    plan.characters.push({ char, keys: keys ?? [] })
  })
  return plan
}
