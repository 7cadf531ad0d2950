import { realpathSync } from 'node:fs'
import { dirname, relative, resolve, sep } from 'node:path'
import type { NextConfig } from 'next'

// The example builds against this repository: `react-vm-console` is the package itself (its
// `dist/`, after `npm run build` at the top), so the workspace root is the repository, or the
// folder that also holds its node_modules when that is a symlink (a git worktree sharing one).
const repo = resolve(import.meta.dirname, '../..')
const modules = dirname(realpathSync(resolve(repo, 'node_modules')))
let root = repo
while (relative(root, modules).split(sep)[0] === '..') root = dirname(root)

const nextConfig: NextConfig = {
  turbopack: { root },
  outputFileTracingRoot: root,
}

export default nextConfig
