// The scancode noVNC sends to QEMU for a DOM `code`: read from the noVNC bundled in react-vnc (its
// XtScancode table, core/input/xtscancodes.js), then turned into the QEMU extended key event's
// keycode as noVNC's RFB.messages.QEMUExtendedKeyEvent does (0xe0-prefixed: 0x80 | low byte).
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

let table: Map<string, number> | undefined

function readTable(): Map<string, number> {
  const require = createRequire(import.meta.url)
  const dist = dirname(require.resolve('react-vnc'))
  const lines = readFileSync(join(dist, 'react-vnc.js'), 'utf8').split('\n')
  const anchor = lines.findIndex((line) => /^\s*IntlYen: 125,/.test(line))
  if (anchor < 0) throw new Error("noVNC's XtScancode table not found in react-vnc")
  let start = anchor
  while (start > 0 && !lines[start]!.includes('= {')) start--
  const codes = new Map<string, number>()
  for (const line of lines.slice(start + 1)) {
    if (/^\s*\}/.test(line)) break
    const m = /^\s*(\w+): (\d+),?\s*$/.exec(line)
    if (m) codes.set(m[1]!, Number(m[2]))
  }
  return codes
}

/** QEMU extended key event keycode noVNC sends for `code`; 0 for a code it has none for. */
export function noVncScancode(code: string): number {
  table ??= readTable()
  const xt = table.get(code) ?? 0
  return xt >> 8 === 0xe0 && (xt & 0xff) < 0x7f ? 0x80 | (xt & 0xff) : xt
}
