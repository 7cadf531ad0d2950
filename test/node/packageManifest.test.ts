// What an install of the package brings: a backend that imports only `/server` or `/core` must not
// pull React, TanStack Query or react-vnc (with its noVNC) through required dependencies or peers.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const manifest = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
) as {
  dependencies: Record<string, string>
  peerDependencies: Record<string, string>
  peerDependenciesMeta: Record<string, { optional?: boolean }>
}

describe('package manifest', () => {
  it('requires ws alone; React, TanStack Query and react-vnc are optional peers', () => {
    expect(Object.keys(manifest.dependencies)).toEqual(['ws'])
    expect(Object.keys(manifest.peerDependencies).sort()).toEqual([
      '@tanstack/react-query',
      'react',
      'react-dom',
      'react-vnc',
    ])
    for (const peer of Object.keys(manifest.peerDependencies))
      expect(manifest.peerDependenciesMeta[peer]?.optional).toBe(true)
  })

  it('ships a LICENSE and the server entries', () => {
    const [packed] = JSON.parse(
      execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
        cwd: new URL('../..', import.meta.url),
        encoding: 'utf8',
      }),
    ) as [{ files: { path: string }[] }]
    const files = packed.files.map((file) => file.path)
    expect(files).toContain('LICENSE')
    expect(files).toContain('src/server/index.ts')
    // The built files are there once `npm run build` has run (npm test builds first).
    if (files.some((file) => file.startsWith('dist/'))) {
      expect(files).toContain('dist/server/index.js')
      expect(files).toContain('dist/server/redis/index.js')
    }
  })
})
