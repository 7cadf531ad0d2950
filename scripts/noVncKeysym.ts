// The keysym noVNC sends for a character (its core/input/keysym.js `lookup`): Latin-1 as itself,
// legacy keysyms from its codepoint table (read from the noVNC bundled in react-vnc), else the
// Unicode keysym range. The layout generator gives each character this keysym; the oracle checks it.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

let table: Map<number, number> | undefined

function readTable(): Map<number, number> {
  const require = createRequire(import.meta.url)
  const lines = readFileSync(
    join(dirname(require.resolve('react-vnc')), 'react-vnc.js'),
    'utf8',
  ).split('\n')
  // U+0430 CYRILLIC SMALL LETTER A → XK_Cyrillic_a: a line of the table to find it by.
  const anchor = lines.findIndex((line) => /^\s*1072: 1729,/.test(line))
  if (anchor < 0) throw new Error("noVNC's keysym table not found in react-vnc")
  let start = anchor
  while (start > 0 && !/= \{\s*$/.test(lines[start]!)) start--
  const codepoints = new Map<number, number>()
  for (const line of lines.slice(start + 1)) {
    if (/^\s*\};?\s*$/.test(line)) break
    const m = /^\s*(\d+): (\d+),?\s*$/.exec(line)
    if (m) codepoints.set(Number(m[1]), Number(m[2]))
  }
  return codepoints
}

export function noVncKeysym(char: string): number {
  table ??= readTable()
  const cp = char.codePointAt(0) ?? 0
  if (cp >= 0x20 && cp <= 0xff) return cp
  return table.get(cp) ?? 0x1000000 | cp
}
