// Against a real QEMU (Debian's qemu-system-x86): no guest, only its QMP monitor.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createConnection, createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startProcess, type ManagedProcess } from '../test/support/managedProcess.ts'
import { qmpSystemReset } from './qmpSystemReset.ts'
import { startFakeCloud } from './startFakeCloud.ts'

let qemu: ManagedProcess
let dir: string
let socket: string
let observer: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'qmp-'))
  socket = join(dir, 'qmp.sock')
  observer = join(dir, 'observer.sock') // a second monitor, to see the RESET events
  qemu = startProcess('qemu', 'qemu-system-x86_64', [
    ...['-machine', 'none', '-display', 'none'],
    ...['-qmp', `unix:${socket},server=on,wait=off`],
    ...['-qmp', `unix:${observer},server=on,wait=off`],
  ])
  const deadline = Date.now() + 10_000
  while (!existsSync(socket) || !existsSync(observer)) {
    if (Date.now() > deadline) throw new Error('QEMU made no QMP socket')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
})

afterAll(async () => {
  await qemu?.stop()
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

/** Resolves with the next QMP event of that name on the observer monitor. */
function nextEvent(
  name: string,
  timeoutMs = 10_000,
): Promise<{ ready: Promise<void>; event: Promise<unknown> }> {
  return new Promise((resolveOuter) => {
    const connection = createConnection(observer)
    let buffered = ''
    let readyResolve: () => void = () => {}
    const ready = new Promise<void>((resolve) => (readyResolve = resolve))
    const event = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${name} event`)), timeoutMs)
      connection.setEncoding('utf8')
      connection.on('data', (chunk: string) => {
        buffered += chunk
        for (let end; (end = buffered.indexOf('\n')) >= 0;) {
          const message = JSON.parse(buffered.slice(0, end)) as Record<string, unknown>
          buffered = buffered.slice(end + 1)
          if (message.QMP) connection.write('{"execute":"qmp_capabilities"}\n')
          else if ('return' in message) readyResolve()
          else if (message.event === name) {
            clearTimeout(timer)
            connection.destroy()
            resolve(message)
          }
        }
      })
    })
    resolveOuter({ ready, event })
  })
}

it("drives QEMU's system_reset when a CloudTower VM is force-restarted", async () => {
  const cloud = await startFakeCloud({ vncTarget: '127.0.0.1:9', qmp: socket, powerDelayMs: 100 })
  try {
    const { ready, event } = await nextEvent('RESET')
    await ready
    const response = await fetch(`${cloud.url}/v2/api/force-restart-vm`, {
      method: 'POST',
      headers: { authorization: 'fake-cloudtower-admin-token' },
      body: JSON.stringify({ where: { id: 'vm-ubuntu-01' } }),
    })
    expect(response.status).toBe(200)
    await expect(event).resolves.toMatchObject({ event: 'RESET' })
  } finally {
    await cloud.close()
  }
})
