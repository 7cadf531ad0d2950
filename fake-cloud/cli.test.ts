import { spawn } from 'node:child_process'
import { connect } from 'node:net'
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

  it('without a VNC target starts a VNC server per VM and stops them all on SIGINT', async () => {
    const env = { ...process.env }
    delete env.DEMO_VNC
    const child = spawn(process.execPath, [cli, '--port', '0'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
    const line =
      /vm-windows-01 +127\.0\.0\.1:(\d+) +800x600 +windows-server-2022 +\(password: secret\)/
    await expect.poll(() => line.exec(stdout)?.[1], { timeout: 10_000 }).toBeTruthy()
    expect(stdout).toContain('built-in VNC servers')
    expect(stdout.match(/127\.0\.0\.1:\d+ +\d+x\d+ /g)).toHaveLength(6)

    // A plain TCP VNC client gets the RFB banner straight from the printed port.
    const port = Number(line.exec(stdout)?.[1])
    const banner = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1')
      socket.once('data', (chunk) => {
        socket.destroy()
        resolve(chunk.toString('latin1'))
      })
      socket.once('error', reject)
    })
    expect(banner).toBe('RFB 003.008\n')

    // Exiting by itself proves every VNC listener and scene clock stopped.
    child.kill('SIGINT')
    expect(await exited).toBe(0)
  }, 15_000)
})
