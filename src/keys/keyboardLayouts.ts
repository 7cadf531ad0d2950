import type { KeyboardLayout } from './KeyboardLayout.js'

/** Where a character sits on a layout: the physical key (DOM `code`) and the modifiers it needs. */
export interface LayoutKey {
  code: string
  shift: boolean
  altGr: boolean
  /** Set when the key is a dead key on this layout: the dead keysym it sends (e.g. dead_circumflex). */
  dead?: number
}

// [code, base, Shift, AltGr]: what each key types on the guest's layout ('' = nothing).
type Row = [code: string, base: string, shift?: string, altGr?: string]

const LETTERS = 'abcdefghijklmnopqrstuvwxyz'
const letterRows = (swap: Record<string, string> = {}): Row[] =>
  [...LETTERS].map((l) => {
    const char = swap[l] ?? l
    return [`Key${l.toUpperCase()}`, char, char.toUpperCase()]
  })

const US: Row[] = [
  ...letterRows(),
  ['Backquote', '`', '~'],
  ['Digit1', '1', '!'],
  ['Digit2', '2', '@'],
  ['Digit3', '3', '#'],
  ['Digit4', '4', '$'],
  ['Digit5', '5', '%'],
  ['Digit6', '6', '^'],
  ['Digit7', '7', '&'],
  ['Digit8', '8', '*'],
  ['Digit9', '9', '('],
  ['Digit0', '0', ')'],
  ['Minus', '-', '_'],
  ['Equal', '=', '+'],
  ['BracketLeft', '[', '{'],
  ['BracketRight', ']', '}'],
  ['Backslash', '\\', '|'],
  ['Semicolon', ';', ':'],
  ['Quote', "'", '"'],
  ['Comma', ',', '<'],
  ['Period', '.', '>'],
  ['Slash', '/', '?'],
  ['Space', ' '],
]

// German T1 (QWERTZ), as Linux and Windows guests have it.
const DE: Row[] = [
  ...letterRows({ y: 'z', z: 'y' }),
  ['KeyQ', 'q', 'Q', '@'],
  ['KeyE', 'e', 'E', '€'],
  ['KeyM', 'm', 'M', 'µ'],
  ['Backquote', '^', '°'],
  ['Digit1', '1', '!'],
  ['Digit2', '2', '"', '²'],
  ['Digit3', '3', '§', '³'],
  ['Digit4', '4', '$'],
  ['Digit5', '5', '%'],
  ['Digit6', '6', '&'],
  ['Digit7', '7', '/', '{'],
  ['Digit8', '8', '(', '['],
  ['Digit9', '9', ')', ']'],
  ['Digit0', '0', '=', '}'],
  ['Minus', 'ß', '?', '\\'],
  ['Equal', '´', '`'],
  ['BracketLeft', 'ü', 'Ü'],
  ['BracketRight', '+', '*', '~'],
  ['Backslash', '#', "'"],
  ['Semicolon', 'ö', 'Ö'],
  ['Quote', 'ä', 'Ä'],
  ['IntlBackslash', '<', '>', '|'],
  ['Comma', ',', ';'],
  ['Period', '.', ':'],
  ['Slash', '-', '_'],
  ['Space', ' '],
]

// French AZERTY (Linux "fr", Windows "French"): digits need Shift.
const FR: Row[] = [
  ...letterRows({ q: 'a', a: 'q', w: 'z', z: 'w', m: ',' }).filter(([code]) => code !== 'KeyM'),
  ['KeyM', ',', '?'],
  ['Semicolon', 'm', 'M'],
  ['KeyE', 'e', 'E', '€'],
  ['Backquote', '²'],
  ['Digit1', '&', '1'],
  ['Digit2', 'é', '2', '~'],
  ['Digit3', '"', '3', '#'],
  ['Digit4', "'", '4', '{'],
  ['Digit5', '(', '5', '['],
  ['Digit6', '-', '6', '|'],
  ['Digit7', 'è', '7', '`'],
  ['Digit8', '_', '8', '\\'],
  ['Digit9', 'ç', '9', '^'],
  ['Digit0', 'à', '0', '@'],
  ['Minus', ')', '°', ']'],
  ['Equal', '=', '+', '}'],
  ['BracketLeft', '^', '¨'],
  ['BracketRight', '$', '£', '¤'],
  ['Quote', 'ù', '%'],
  ['Backslash', '*', 'µ'],
  ['IntlBackslash', '<', '>'],
  ['Comma', ';', '.'],
  ['Period', ':', '/'],
  ['Slash', '!', '§'],
  ['Space', ' '],
]

// Dead keys of each layout: [code, level, dead keysym]. On QEMU (scancodes) the guest composes
// them with the next key, so a lone accent is typed as the dead key followed by Space.
type Dead = [code: string, level: 'base' | 'shift' | 'altGr', keysym: number]
const DEAD_DE: Dead[] = [
  ['Backquote', 'base', 0xfe52], // dead_circumflex ^
  ['Equal', 'base', 0xfe51], // dead_acute ´
  ['Equal', 'shift', 0xfe50], // dead_grave `
]
const DEAD_FR: Dead[] = [
  ['BracketLeft', 'base', 0xfe52], // dead_circumflex ^
  ['BracketLeft', 'shift', 0xfe57], // dead_diaeresis ¨
  ['Digit2', 'altGr', 0xfe53], // dead_tilde ~
  ['Digit7', 'altGr', 0xfe50], // dead_grave `
]

/** A layout: the key that types each character, and its dead keys by dead keysym. */
export interface KeyboardLayoutTable {
  chars: ReadonlyMap<string, LayoutKey>
  dead: ReadonlyMap<number, LayoutKey>
}

function build(rows: Row[], dead: Dead[] = []): KeyboardLayoutTable {
  const map = new Map<string, LayoutKey>()
  const deadKeys = new Map<number, LayoutKey>()
  for (const [code, base, shift, altGr] of rows) {
    const levels = [
      ['base', base],
      ['shift', shift],
      ['altGr', altGr],
    ] as const
    for (const [level, char] of levels) {
      if (!char) continue
      const deadKeysym = dead.find((d) => d[0] === code && d[1] === level)?.[2]
      const key: LayoutKey = {
        code,
        shift: level === 'shift',
        altGr: level === 'altGr',
        ...(deadKeysym === undefined ? {} : { dead: deadKeysym }),
      }
      if (deadKeysym !== undefined) deadKeys.set(deadKeysym, key)
      // The first key that types a character wins (French ^ is AltGr+9, not the dead key).
      if (!map.has(char)) map.set(char, key)
    }
  }
  return { chars: map, dead: deadKeys }
}

/** Each layout: which key (and modifiers) types each character, and its dead keys. */
export const keyboardLayouts: Readonly<Record<KeyboardLayout, KeyboardLayoutTable>> = {
  'en-US': build(US),
  'de-DE': build(DE, DEAD_DE),
  'fr-FR': build(FR, DEAD_FR),
}
