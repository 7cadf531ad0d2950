// Against a real QEMU (Debian's qemu-system-x86): no guest, only its QMP monitor.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { qmpSystemReset } from './qmpSystemReset.ts'

let qemu: ChildProcess
let dir: string
let socket: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'qmp-'))
  socket = join(dir, 'qmp.sock')
  qemu = spawn(
    'qemu-system-x86_64',
    ['-machine', 'none', '-display', 'none', '-qmp', `unix:${socket},server=on,wait=off`],
    { stdio: 'ignore' },
  )
  const deadline = Date.now() + 10_000
  while (!existsSync(socket)) {
    if (Date.now() > deadline) throw new Error('QEMU made no QMP socket')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
})

afterAll(() => {
  qemu?.kill()
  rmSync(dir, { recursive: true, force: true })
})

it('resets a real QEMU through QMP, as often as asked', async () => {
  await expect(qmpSystemReset(socket)).resolves.toBeUndefined()
  await expect(qmpSystemReset(socket)).resolves.toBeUndefined()
})

it('rejects when nothing listens, or when the peer says nothing', async () => {
  await expect(qmpSystemReset(join(dir, 'none.sock'))).rejects.toThrow()
  const silent = createServer(() => {})
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
  const { port } = silent.address() as { port: number }
  await expect(qmpSystemReset(`127.0.0.1:${port}`, 200)).rejects.toThrow('no answer')
  silent.close()
})
