// `node scripts/generateKeyboardLayouts.ts`: writes src/keys/layouts/ from xkeyboard-config (MIT),
// the layouts X11, Wayland and QEMU's own keymaps come from. Needs xkbcomp (x11-xkb-utils, which
// Xvnc depends on), the xkb data (xkb-data) and keysymdef.h (x11proto-dev). xkbcomp resolves each
// layout's includes into one keymap; this script reads its symbols into one compact table per
// layout. `--check` writes nothing and fails when the committed tables differ from the output.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as prettier from 'prettier'
import { keysymForCharacter } from '../src/keys/keysymForCharacter.ts'
import { layoutKeyCodes } from '../src/keys/layoutKeyCodes.ts'
import { noVncKeysym } from './noVncKeysym.ts'
import { readX11Keysyms } from './readX11Keysyms.ts'

/** Each layout id and the xkb symbols it is made of (`layout(variant)`). */
const LAYOUT_SOURCES: Record<string, string> = {
  'en-US': 'us',
  'en-GB': 'gb',
  'de-DE': 'de',
  'de-DE-nodeadkeys': 'de(nodeadkeys)',
  'de-CH': 'ch',
  'fr-FR': 'fr',
  'fr-FR-nodeadkeys': 'fr(nodeadkeys)',
  'fr-BE': 'be',
  'fr-CH': 'ch(fr)',
  'es-ES': 'es',
  'it-IT': 'it',
  'pt-BR': 'br',
  'pt-PT': 'pt',
  'nl-NL': 'nl',
  'sv-SE': 'se',
  'nb-NO': 'no',
  'da-DK': 'dk',
  'fi-FI': 'fi',
  'pl-PL': 'pl',
  'cs-CZ': 'cz',
  'hu-HU': 'hu',
  'tr-TR': 'tr',
  'ru-RU': 'ru',
  'ja-JP': 'jp',
}

// xkb key names (evdev keycodes) of the keys in layoutKeyCodes, in the same order.
const XKB_KEYS = [
  'TLDE',
  ...Array.from({ length: 13 }, (_, i) => `AE${String(i + 1).padStart(2, '0')}`),
  ...Array.from({ length: 12 }, (_, i) => `AD${String(i + 1).padStart(2, '0')}`),
  ...Array.from({ length: 11 }, (_, i) => `AC${String(i + 1).padStart(2, '0')}`),
  'BKSL',
  'LSGT',
  ...Array.from({ length: 11 }, (_, i) => `AB${String(i + 1).padStart(2, '0')}`),
  'SPCE',
]
// AE01..AE13 in xkb order puts AE13 (yen) after AE12; layoutKeyCodes lists it there too.
if (XKB_KEYS.length !== layoutKeyCodes.length) throw new Error('XKB_KEYS and layoutKeyCodes differ')

// Key types whose levels 1–4 are base, Shift, AltGr, Shift+AltGr (the types of the keys above).
const LEVEL_TYPES = new Set([
  '',
  'ONE_LEVEL',
  'TWO_LEVEL',
  'ALPHABETIC',
  'FOUR_LEVEL',
  'FOUR_LEVEL_ALPHABETIC',
  'FOUR_LEVEL_SEMIALPHABETIC',
  'FOUR_LEVEL_PLUS_LOCK',
])

/** Dead keysyms (0xfe00–0xfeff) are stored as private-use characters U+E000–U+E0FF. */
const DEAD_BASE = 0xe000
const EMPTY = '\u0000'

/** `2.35.1 (Debian xkb-data 2.35.1-1)`: the xkeyboard-config release the tables come from. */
function xkbDataVersion(): string {
  try {
    const debian = execFileSync('dpkg-query', ['-W', '-f=${Version}', 'xkb-data'], {
      encoding: 'utf8',
    })
    return `${debian.replace(/-[^-]*$/, '')} (Debian xkb-data ${debian})`
  } catch {
    return '(version unknown)'
  }
}

/** The resolved xkb_symbols section of `symbols`, as xkbcomp prints it. */
function compileSymbols(symbols: string, xkbRoot: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'rvc-xkb-'))
  try {
    const source = join(dir, 'in.xkb')
    writeFileSync(
      source,
      `xkb_keymap {
  xkb_keycodes { include "evdev+aliases(qwerty)" };
  xkb_types { include "complete" };
  xkb_compat { include "complete" };
  xkb_symbols { include "pc+${symbols}+inet(evdev)" };
};
`,
    )
    const out = join(dir, 'out.xkb')
    execFileSync('xkbcomp', ['-w0', '-xkb', `-I${xkbRoot}`, source, out])
    const keymap = readFileSync(out, 'utf8')
    const start = keymap.indexOf('xkb_symbols')
    if (start < 0) throw new Error(`xkbcomp gave no symbols for ${symbols}`)
    return keymap.slice(start)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Group 1 keysym names of each key (level order) in a resolved symbols section. */
function keyLevels(symbols: string): Map<string, { type: string; levels: string[] }> {
  const keys = new Map<string, { type: string; levels: string[] }>()
  for (const m of symbols.matchAll(/key <(\w+)>\s*\{([\s\S]*?)\};/g)) {
    const body = m[2]!
    const type = /type(?:\[Group1\])?\s*=\s*"([^"]*)"/.exec(body)?.[1] ?? ''
    const list = /symbols\[Group1\]\s*=\s*\[([^\]]*)\]/.exec(body) ?? /^\s*\[([^\]]*)\]/.exec(body)
    if (!list) continue
    keys.set(m[1]!, { type, levels: list[1]!.split(',').map((s) => s.trim()) })
  }
  return keys
}

interface GeneratedLayout {
  /** One code point per key and level, keys in layoutKeyCodes order (EMPTY: nothing). */
  keys: string
  /** Characters whose keysym (noVNC's) is not the one keysymForCharacter gives (Cyrillic_a …). */
  keysyms: Record<string, number>
}

function generateLayout(symbols: string, xkbRoot = '/usr/share/X11/xkb'): GeneratedLayout {
  const x11 = readX11Keysyms()
  const resolved = keyLevels(compileSymbols(symbols, xkbRoot))
  let keys = ''
  const keysyms: Record<string, number> = {}
  for (const name of XKB_KEYS) {
    const key = resolved.get(name)
    // Another type (jp's PC_ALT_LEVEL2 on the Hankaku key): only its level 1 is read.
    const levels = !key || LEVEL_TYPES.has(key.type) ? 4 : 1
    for (let level = 0; level < 4; level++) {
      const keysymName = (level < levels && key?.levels[level]) || 'NoSymbol'
      const keysym = x11.value(keysymName)
      const char = keysym === undefined ? undefined : x11.char(keysym)
      if (
        keysym !== undefined &&
        keysym >= 0xfe00 &&
        keysym <= 0xfeff &&
        /^dead_/.test(keysymName)
      ) {
        keys += String.fromCodePoint(DEAD_BASE + keysym - 0xfe00)
      } else if (char && keysym !== undefined && char.codePointAt(0)! >= 0x20) {
        keys += char
        // Sent with the keysym noVNC sends when the key is typed (Cyrillic_a 0x6c1, as QEMU's ru
        // map names it too); xkb sometimes names a character by its Unicode keysym instead.
        const sent = noVncKeysym(char)
        if (keysymForCharacter(char) !== sent && !(char in keysyms)) keysyms[char] = sent
      } else {
        keys += EMPTY
      }
    }
  }
  return { keys, keysyms }
}

const hex = (n: number) => `0x${n.toString(16)}`

function moduleSource(
  id: string,
  symbols: string,
  layout: GeneratedLayout,
  version: string,
): string {
  const keysyms = Object.entries(layout.keysyms)
    .map(([char, keysym]) => `${JSON.stringify(char)}: ${hex(keysym)}`)
    .join(', ')
  return `// Generated by scripts/generateKeyboardLayouts.ts from xkeyboard-config ${version} (MIT),
// symbols "${symbols}". Do not edit: run the script.
import type { KeyboardLayoutData } from '../KeyboardLayoutData.js'

// One default export, named by its file: the loader's map then repeats only the id.
const layout: KeyboardLayoutData = {
  id: '${id}',
  keys: ${JSON.stringify(layout.keys)},
  keysyms: { ${keysyms} },
}
export default layout
`
}

function loadersSource(version: string): string {
  const entries = Object.keys(LAYOUT_SOURCES)
    .filter((id) => id !== 'en-US')
    .map((id) => `  '${id}': () => import('./${id}.js'),`)
  return `// Generated by scripts/generateKeyboardLayouts.ts from xkeyboard-config ${version} (MIT).
// Do not edit: run the script. Each layout but en-US is its own chunk, loaded when chosen.
import type { KeyboardLayout } from '../KeyboardLayout.js'
import type { KeyboardLayoutData } from '../KeyboardLayoutData.js'

export const layoutLoaders: Record<
  Exclude<KeyboardLayout, 'en-US'>,
  () => Promise<{ default: KeyboardLayoutData }>
> = {
${entries.join('\n')}
}
`
}

/** Every generated file, by path relative to the repository. */
function generateAll(): Map<string, string> {
  const version = xkbDataVersion()
  const files = new Map<string, string>()
  for (const [id, symbols] of Object.entries(LAYOUT_SOURCES)) {
    const path = `src/keys/layouts/${id}.ts`
    files.set(path, moduleSource(id, symbols, generateLayout(symbols), version))
  }
  files.set('src/keys/layouts/layoutLoaders.ts', loadersSource(version))
  // The tables are derived from xkeyboard-config: its licence notices ship beside them.
  files.set(
    'src/keys/layouts/xkeyboard-config.COPYING',
    `The keyboard layout tables in this directory are generated from xkeyboard-config ${version}.\n` +
      `Its copyright and licence notices (Debian's /usr/share/doc/xkb-data/copyright) follow.\n\n` +
      readFileSync('/usr/share/doc/xkb-data/copyright', 'utf8'),
  )
  return files
}

if (import.meta.main) {
  const root = new URL('..', import.meta.url).pathname
  const check = process.argv.includes('--check')
  const stale: string[] = []
  for (const [path, text] of generateAll()) {
    // Prettier formats the committed files; compare and write through it so both agree.
    const full = join(root, path)
    const options = await prettier.resolveConfig(full)
    const formatted = path.endsWith('.ts')
      ? await prettier.format(text, { ...options, filepath: full })
      : text
    let current = ''
    try {
      current = readFileSync(full, 'utf8')
    } catch {
      // a new layout
    }
    if (current === formatted) continue
    stale.push(path)
    if (!check) writeFileSync(full, formatted)
  }
  if (check && stale.length) {
    console.error(`Out of date (run node scripts/generateKeyboardLayouts.ts):\n${stale.join('\n')}`)
    process.exit(1)
  }
  console.log(check ? 'Layouts are up to date.' : `Wrote ${stale.length} file(s).`)
}
