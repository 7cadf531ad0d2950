// noVNC's own rule (core/input/keysym.js): Latin-1 is its own keysym, a few characters have legacy
// keysyms, everything else is in the Unicode keysym range.
const LEGACY: Record<string, number> = { '€': 0x20ac }

/** The X11 keysym noVNC sends for a printable character. */
export function keysymForCharacter(char: string): number {
  const cp = char.codePointAt(0) ?? 0
  if ((cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff)) return cp
  return LEGACY[char] ?? 0x1000000 + cp
}
