// X11 keysym names, values and characters, read from keysymdef.h (Debian x11proto-dev). Shared by
// the layout generator and the QEMU keymap oracle: both name keysyms as xkb and QEMU do.
import { readFileSync } from 'node:fs'

export interface X11Keysyms {
  /** Keysym value by name (`ssharp` → 0xdf, `U20BD` → 0x10020bd); undefined when unknown. */
  value(name: string): number | undefined
  /** The character a keysym types, when keysymdef.h maps it to exactly one (dead keys: none). */
  char(keysym: number): string | undefined
}

const KEYSYMDEF = '/usr/include/X11/keysymdef.h'

export function readX11Keysyms(path = KEYSYMDEF): X11Keysyms {
  const byName = new Map<string, number>()
  const chars = new Map<number, string>()
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    // `#define XK_name 0xhhhh /* U+XXXX NAME */`: an exact mapping; `/*(U+…)*/` is deprecated and
    // `/*<U+…>*/` approximate, so those keep their value but give no character.
    const m = /^#define XK_(\w+)\s+0x([0-9a-f]+)\s*(\/\*\s*U\+([0-9A-F]{4,6}))?/i.exec(line)
    if (!m) continue
    const value = parseInt(m[2]!, 16)
    if (!byName.has(m[1]!)) byName.set(m[1]!, value)
    if (m[4] && !chars.has(value)) chars.set(value, String.fromCodePoint(parseInt(m[4], 16)))
  }
  return {
    value(name) {
      const unicode = /^U([0-9a-f]{4,6})$/i.exec(name)
      if (unicode) return 0x1000000 + parseInt(unicode[1]!, 16)
      if (/^0x[0-9a-f]+$/i.test(name)) return parseInt(name, 16)
      return byName.get(name)
    },
    char(keysym) {
      if (keysym >= 0x1000100 && keysym <= 0x110ffff)
        return String.fromCodePoint(keysym - 0x1000000)
      return chars.get(keysym)
    },
  }
}
