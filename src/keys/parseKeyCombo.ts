import { ConsoleError } from '../core/errors/ConsoleError.js'
import type { KeyStroke } from './KeyStroke.js'
import { namedKeys } from './namedKeys.js'

const PUNCTUATION_CODES: Record<string, string> = {
  '-': 'Minus',
  '=': 'Equal',
  '[': 'BracketLeft',
  ']': 'BracketRight',
  '\\': 'Backslash',
  ';': 'Semicolon',
  "'": 'Quote',
  ',': 'Comma',
  '.': 'Period',
  '/': 'Slash',
  '`': 'Backquote',
}

/**
 * Reads a key combination such as `Ctrl+Alt+Delete`, `Alt+F4` or `Super` into the keys to press,
 * in order (release them in reverse). Names are case-insensitive; a single character stands for itself.
 */
export function parseKeyCombo(combo: string): KeyStroke[] {
  const fail = (why: string) =>
    new ConsoleError({
      kind: 'invalid_input',
      provider: 'vnc',
      message: `Key combination: ${why}.`,
    })
  if (typeof combo !== 'string' || combo.trim() === '') throw fail('nothing to send')
  // "+" itself is a key: "Ctrl++" is Ctrl and plus.
  const parts = combo.trim() === '+' ? ['+'] : combo.trim().split(/\s*\+\s*(?=.)/)
  return parts.map((part) => {
    const named = namedKeys.get(part.toLowerCase())
    if (named) return named
    if ([...part].length === 1) {
      const char = part.toLowerCase()
      const cp = char.codePointAt(0) ?? 0
      // Latin-1 characters are their own keysym; the rest use the Unicode keysym range.
      const keysym = cp < 0x100 ? cp : 0x1000000 + cp
      const code = /[a-z]/.test(char)
        ? `Key${char.toUpperCase()}`
        : /[0-9]/.test(char)
          ? `Digit${char}`
          : (PUNCTUATION_CODES[char] ?? '')
      return { keysym, code }
    }
    throw fail(`unknown key "${part}"`)
  })
}
