import type { KeyStroke } from './KeyStroke.js'

// X11 keysyms (keysymdef.h) and DOM codes of the keys a console toolbar sends by name.
const KEYS: [names: string[], keysym: number, code: string][] = [
  [['ctrl', 'control'], 0xffe3, 'ControlLeft'],
  [['alt'], 0xffe9, 'AltLeft'],
  [['altgr'], 0xfe03, 'AltRight'],
  [['shift'], 0xffe1, 'ShiftLeft'],
  [['super', 'win', 'meta', 'cmd'], 0xffeb, 'MetaLeft'],
  [['delete', 'del'], 0xffff, 'Delete'],
  [['backspace'], 0xff08, 'Backspace'],
  [['tab'], 0xff09, 'Tab'],
  [['enter', 'return'], 0xff0d, 'Enter'],
  [['escape', 'esc'], 0xff1b, 'Escape'],
  [['space'], 0x0020, 'Space'],
  [['printscreen', 'print', 'prtsc'], 0xff61, 'PrintScreen'],
  [['insert', 'ins'], 0xff63, 'Insert'],
  [['home'], 0xff50, 'Home'],
  [['end'], 0xff57, 'End'],
  [['pageup', 'pgup'], 0xff55, 'PageUp'],
  [['pagedown', 'pgdn'], 0xff56, 'PageDown'],
  [['left'], 0xff51, 'ArrowLeft'],
  [['up'], 0xff52, 'ArrowUp'],
  [['right'], 0xff53, 'ArrowRight'],
  [['down'], 0xff54, 'ArrowDown'],
  [['menu'], 0xff67, 'ContextMenu'],
  [['pause'], 0xff13, 'Pause'],
  [['sysrq'], 0xff15, 'PrintScreen'],
]

/** Named keys by lower-case name, F1–F12 included. */
export const namedKeys: ReadonlyMap<string, KeyStroke> = new Map([
  ...KEYS.flatMap(([names, keysym, code]) => names.map((n) => [n, { keysym, code }] as const)),
  ...Array.from(
    { length: 12 },
    (_, i) => [`f${i + 1}`, { keysym: 0xffbe + i, code: `F${i + 1}` }] as const,
  ),
])
