// The committed layout tables (src/keys/layouts/) are exactly what the generator makes from the
// installed xkeyboard-config: nobody edited them by hand, and a generator change was re-run.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'

const root = new URL('../..', import.meta.url).pathname
const installed = (() => {
  try {
    execFileSync('xkbcomp', ['-help'], { stdio: 'ignore' })
    return execFileSync('dpkg-query', ['-W', '-f=${Version}', 'xkb-data'], { encoding: 'utf8' })
  } catch {
    return undefined
  }
})()
const committed = /Debian xkb-data ([^)]+)\)/.exec(
  readFileSync(`${root}src/keys/layouts/en-US.ts`, 'utf8'),
)?.[1]

// Another xkeyboard-config release makes other tables; only the release they came from can judge.
it.skipIf(!installed || installed !== committed)(
  `regenerates the same tables from xkb-data ${committed}`,
  () => {
    const out = execFileSync(process.execPath, ['scripts/generateKeyboardLayouts.ts', '--check'], {
      cwd: root,
      encoding: 'utf8',
    })
    expect(out).toContain('Layouts are up to date.')
  },
)
