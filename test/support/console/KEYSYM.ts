import { namedKeys } from '../../../src/keys/namedKeys.js'

function named(name: string): number {
  const key = namedKeys.get(name)
  if (!key) throw new Error(`namedKeys has no "${name}"`)
  return key.keysym
}

/**
 * The X11 keysyms tests and stories expect at the VM, by name, from the table the toolbar sends
 * from (test/node/KEYSYM.test.ts pins the numbers to keysymdef.h once, so a wrong entry fails).
 */
export const KEYSYM = {
  ctrl: named('ctrl'),
  alt: named('alt'),
  altgr: named('altgr'),
  shift: named('shift'),
  super: named('super'),
  delete: named('delete'),
  backspace: named('backspace'),
  tab: named('tab'),
  return: named('return'),
  escape: named('escape'),
  printscreen: named('printscreen'),
  /** F1–F12. */
  f: (n: number) => named(`f${n}`),
  /** A Latin-1 character's keysym is its code point (keysymdef.h). */
  char: (c: string) => c.codePointAt(0) as number,
} as const
