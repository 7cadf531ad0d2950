import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const cli = fileURLToPath(new URL('./cli.ts', import.meta.url))
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number)
// Type stripping is on by default from Node 22.18.
const strips = major > 22 || (major === 22 && minor >= 18)

describe.skipIf(!strips)('cli', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'runs under plain node, prints its addresses and exits cleanly on %s',
    async (signal) => {
      const child = spawn(process.execPath, [cli, '--port', '0'], {
        env: { ...process.env, DEMO_VNC: '127.0.0.1:5999' },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))

      await expect
        .poll(() => /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1], {
          timeout: 10_000,
        })
        .toBeTruthy()
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1] ?? ''
      expect(stdout).toContain(`POST ${url}/api`)
      expect(stdout).toContain('all consoles → 127.0.0.1:5999')
      const health = await fetch(`${url}/__fake/health`)
      expect(health.status).toBe(200)

      child.kill(signal)
      expect(await exited).toBe(0)
      expect(stderr).not.toMatch(/Error/)
    },
    15_000,
  )
})
