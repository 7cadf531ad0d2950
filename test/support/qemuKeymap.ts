// QEMU's own keymaps (/usr/share/qemu/keymaps, Debian qemu-system-data): what QEMU makes of a
// keysym when started with `-k <map>`, and an independent oracle for the generated layout tables.
// Format (QEMU ui/keymaps.c): `keysym-name scancode [shift] [altgr] [ctrl] [numlock] [addupper]
// [localstate] [inhibit]`, `include <file>`, `map 0x…` (a Windows layout id, ignored), `#` comments.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { readX11Keysyms } from '../../scripts/readX11Keysyms.ts'

const KEYMAPS = '/usr/share/qemu/keymaps'
const x11 = readX11Keysyms()

export interface QemuKeymapEntry {
  /** The keysym name as written (`at`, `dead_acute`, `U20BD`). */
  name: string
  keysym: number
  /** The character the keysym types (keysymdef.h), none for dead keys and function keys. */
  char: string | undefined
  /** PC/AT set-1 scancode, 0xe0-prefixed keys as 0x80 | code (as QEMU's VNC key events carry). */
  scancode: number
  shift: boolean
  altgr: boolean
  /** Needs Ctrl or NumLock: not a text key (ignored by the decoder and the oracle). */
  other: boolean
}

/** Parses QEMU keymap `name` (following `include`s); keysym names unknown to keysymdef.h are skipped. */
export function parseQemuKeymap(name: string, dir = KEYMAPS): QemuKeymapEntry[] {
  const entries: QemuKeymapEntry[] = []
  for (const raw of readFileSync(join(dir, name), 'utf8').split('\n')) {
    const line = raw.replace(/#.*/, '').trim()
    if (!line || line.startsWith('map ')) continue
    const [keysymName, code, ...flags] = line.split(/\s+/)
    if (keysymName === 'include') {
      entries.push(...parseQemuKeymap(code!, dir))
      continue
    }
    const add = (n: string, shift: boolean) => {
      const keysym = x11.value(n)
      if (keysym === undefined) return
      entries.push({
        name: n,
        keysym,
        char: x11.char(keysym),
        scancode: Number(code),
        shift,
        altgr: flags.includes('altgr'),
        other: flags.includes('ctrl') || flags.includes('numlock'),
      })
    }
    add(keysymName!, flags.includes('shift'))
    // `a 0x1e addupper`: the upper-case keysym (by name, as QEMU does) on the same key with Shift.
    if (flags.includes('addupper')) add(keysymName!.toUpperCase(), true)
  }
  return entries
}

const cache = new Map<string, QemuKeymapEntry[]>()
const keymap = (name: string) => {
  let entries = cache.get(name)
  if (!entries) cache.set(name, (entries = parseQemuKeymap(name)))
  return entries
}

const SHIFT = new Set([0x2a, 0x36])
const ALTGR = 0xb8
// Ctrl (left, right) and left Alt: a key pressed with them is a shortcut, not text.
const OTHER_MODIFIERS = new Set([0x1d, 0x9d, 0x38])
// Dead keysyms 0xfe50 + n: the combining mark they add and the accent they type before Space
// (the guest's compose; Windows and X11 agree for these, except X11 types ' and " for ´ and ¨).
const MARKS = '\u0300\u0301\u0302\u0303\u0304\u0306\u0307\u0308\u030a\u030b\u030c\u0327\u0328'
const ACCENTS = '`´^~¯˘˙¨°˝ˇ¸˛'

/**
 * The text a guest receives from these key events when QEMU runs with `-k keymapName`: Shift and
 * AltGr are tracked by scancode; each press of another key types what the keymap gives for that
 * scancode and modifiers (the base level where the keymap lists nothing more); a dead key is
 * composed with the next character (Space: the accent alone); Return is '\n', Tab '\t'. A key
 * event without a scancode is what QEMU does with a bare keysym: the keymap's key for it, pressed
 * with the modifiers held at the time, and nothing when the keymap has no such keysym.
 */
export function decodeQemuKeyEvents(
  events: { down: boolean; keysym: number; scancode: number }[],
  keymapName: string,
): string {
  const entries = keymap(keymapName).filter((e) => !e.other)
  const held = new Set<number>()
  let text = ''
  let dead: number | undefined
  const type = (char: string) => {
    if (dead !== undefined) {
      const i = dead - 0xfe50
      const composed = (char + MARKS[i]).normalize('NFC')
      char = char === ' ' ? ACCENTS[i]! : [...composed].length === 1 ? composed : ACCENTS[i] + char
      dead = undefined
    }
    text += char
  }
  for (const event of events) {
    let scancode = event.scancode
    if (scancode === 0) scancode = entries.find((e) => e.keysym === event.keysym)?.scancode ?? 0
    if (scancode === 0) continue
    if (SHIFT.has(scancode) || scancode === ALTGR || OTHER_MODIFIERS.has(scancode)) {
      if (event.down) held.add(scancode)
      else held.delete(scancode)
      continue
    }
    if (!event.down || [...OTHER_MODIFIERS].some((m) => held.has(m))) continue
    const shift = [...SHIFT].some((s) => held.has(s))
    const altgr = held.has(ALTGR)
    const onKey = entries.filter((e) => e.scancode === scancode)
    const entry =
      onKey.find((e) => e.shift === shift && e.altgr === altgr) ??
      onKey.find((e) => !e.shift && !e.altgr)
    if (!entry) continue
    if (entry.name === 'Return' || entry.name === 'KP_Enter') type('\n')
    else if (entry.name === 'Tab') type('\t')
    else if (entry.keysym >= 0xfe50 && entry.keysym <= 0xfe5c) {
      // A second dead key: the first one's accent, then wait for what the second composes.
      if (dead !== undefined) text += ACCENTS[dead - 0xfe50]
      dead = entry.keysym
    } else if (entry.char) type(entry.char)
  }
  return text
}
