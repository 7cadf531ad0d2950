// Builds the library as it is published and loads `react-vm-console/core` in a plain Node
// process, in a folder with no node_modules: if anything in the core's import graph needed React
// (or any other package), the import would fail.
import { execFile } from 'node:child_process'
import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { build } from 'vite'
import { afterAll, beforeAll, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))
let dir: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rvc-core-'))
  await build({
    root,
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'silent',
    build: { outDir: join(dir, 'dist'), emptyOutDir: true },
  })
  await copyFile(join(root, 'package.json'), join(dir, 'package.json'))
}, 60_000)

afterAll(() => rm(dir, { recursive: true, force: true }))

it('imports nothing but its own files', async () => {
  const files = (await readdir(join(dir, 'dist/core'), { recursive: true })).filter((f) =>
    f.endsWith('.js'),
  )
  expect(files.length).toBeGreaterThan(5)
  for (const file of files) {
    const code = await readFile(join(dir, 'dist/core', file), 'utf8')
    const specifiers = [
      ...code.matchAll(/\bfrom\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']/g),
    ].map((m) => m[1] ?? m[2])
    for (const specifier of specifiers) expect(specifier, file).toMatch(/^\.\.?\//)
  }
})

it('loads react-vm-console/core in plain Node with no React installed', async () => {
  await writeFile(
    join(dir, 'check.mjs'),
    `
const core = await import('react-vm-console/core')
let react = 'missing'
try { await import('react'); react = 'present' } catch {}
const vnc = {
  raw_token: '1a2bc3d4567e89f0a1b2c3d4e5f6a7b8',
  token: 'MTIzNDU2Nzg5YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXo=',
  vm_uuid: '00000000-0000-0000-0000-000000000000',
  cluster_ip: '192.168.5.2',
  host_ip: '192.168.5.4',
}
let kind
try { core.buildEcsConsoleUrl('javascript:alert(1)') } catch (e) { kind = e.kind }
console.log(JSON.stringify({
  react,
  exports: Object.keys(core).sort(),
  url: core.buildCloudTowerVncUrl(vnc, { mode: 'proxy', endpoint: 'https://192.168.5.1' }),
  kind,
  state: core.ecsVmState('SHUTOFF'),
}))
`,
  )
  const { stdout } = await promisify(execFile)(process.execPath, ['check.mjs'], { cwd: dir })
  expect(JSON.parse(stdout)).toEqual({
    react: 'missing',
    exports: [
      'ConsoleError',
      'buildCloudTowerVncUrl',
      'buildEcsConsoleUrl',
      'cloudTowerVmState',
      'ecsVmState',
      'fetchCloudTowerTask',
      'fetchCloudTowerVmState',
      'fetchCloudTowerVnc',
      'fetchEcsJob',
      'fetchEcsRemoteConsole',
      'fetchEcsServerState',
      'requestCloudTowerPowerAction',
      'requestEcsPowerAction',
      'waitForPowerTask',
    ],
    state: 'stopped',
    url: 'wss://192.168.5.1/websockify/?token=MTIzNDU2Nzg5YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXo%3D&host=192.168.5.4&uuid=00000000-0000-0000-0000-000000000000',
    kind: 'invalid_input',
  })
})

it('keeps "use client" on the React entry and loads react-vnc only through import()', async () => {
  const index = await readFile(join(dir, 'dist/index.js'), 'utf8')
  expect(index.startsWith('"use client"')).toBe(true)
  const core = await readFile(join(dir, 'dist/core/index.js'), 'utf8')
  expect(core).not.toContain('use client')
  const files = (await readdir(join(dir, 'dist'), { recursive: true })).filter(
    (f) => f.endsWith('.js') && !f.startsWith('server'),
  )
  const importers: string[] = []
  for (const file of files) {
    const code = await readFile(join(dir, 'dist', file), 'utf8')
    expect(code, file).not.toMatch(/from\s*["']react-vnc["']/)
    if (/import\(\s*["']react-vnc["']\s*\)/.test(code)) importers.push(file)
  }
  expect(importers).toEqual(['react/loaders/vncScreenLoader.js'])
})
