// Browser commands (they run in Node) for the recording and replay tests: a fake VM (the built-in
// RFB server, VNC Authentication, a screen that keeps changing) behind a small websocket relay
// that records each session to a file exactly as the gateway does: every server→client message
// as relayed (from the greeting on), client messages after the handshake.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { connect, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserCommand } from 'vitest/node'
import { WebSocketServer } from 'ws'
import { listenRfbTcp, type RfbTcpListener } from '../../fake-cloud/rfb/index.ts'
import { createFileRecordingSink } from '../../src/server/recording/createFileRecordingSink.ts'
import { createSessionRecorder } from '../../src/server/recording/createSessionRecorder.ts'
import type { RecordingOutcome } from '../../src/server/recording/RecordingOutcome.ts'
import type { SessionRecorder } from '../../src/server/recording/SessionRecorder.ts'

interface RecordedVm {
  vm: RfbTcpListener
  relay: WebSocketServer
  directory: string
  painter: ReturnType<typeof setInterval>
  sessions: { recorder: SessionRecorder; upstream: Socket; cut: () => void }[]
}

const vms = new Map<string, RecordedVm>()
let next = 0

/** noVNC's client messages before ClientInit under VNC Authentication: version, type, response, ClientInit. */
const HANDSHAKE_MESSAGES = 4

export const recordingCommands = {
  /** A fake VM with `password`, its screen repainted every 100 ms, behind a recording relay. */
  async recStartVm(_context, options: { password: string }): Promise<{ id: string; url: string }> {
    const vm = await listenRfbTcp({ width: 640, height: 400, password: options.password })
    const directory = await mkdtemp(join(tmpdir(), 'rvc-replay-'))
    let tick = 0
    const painter = setInterval(() => {
      // A moving, colour-cycling block: every update changes what the screen shows.
      tick++
      const colour = (((tick * 37) % 256) << 16) | (((tick * 91) % 256) << 8) | ((tick * 13) % 256)
      vm.server.framebuffer.fillRect((tick * 23) % 560, 60 + ((tick * 17) % 300), 80, 40, colour)
    }, 100)
    const relay = new WebSocketServer({ port: 0, host: '127.0.0.1' })
    await new Promise<void>((resolve) => relay.once('listening', () => resolve()))
    const entry: RecordedVm = { vm, relay, directory, painter, sessions: [] }
    relay.on('connection', (socket) => {
      const recorder = createSessionRecorder(
        { sink: createFileRecordingSink({ directory }) },
        {
          sessionId: `session-${entry.sessions.length + 1}`,
          user: 'alice',
          provider: 'cloudtower',
          vmId: 'vm-replay',
          replica: 'test',
          mode: 'control',
          startedAt: new Date().toISOString(),
        },
      )
      const upstream = connect(vm.port, '127.0.0.1')
      let flowing = true
      let fromClient = 0
      upstream.on('data', (data) => {
        if (!flowing) return
        socket.send(data)
        recorder.fromServer(data)
      })
      socket.on('message', (data: Buffer) => {
        upstream.write(data)
        if (++fromClient > HANDSHAKE_MESSAGES) recorder.fromClient({ kind: 'raw', bytes: data })
      })
      socket.on('close', () => upstream.destroy())
      upstream.on('close', () => socket.close())
      upstream.on('error', () => socket.close())
      entry.sessions.push({
        recorder,
        upstream,
        cut: () => {
          flowing = false
          upstream.pause()
        },
      })
    })
    const id = `recorded-vm-${++next}`
    vms.set(id, entry)
    const address = relay.address()
    if (!address || typeof address === 'string') throw new Error('no relay address')
    return { id, url: `ws://127.0.0.1:${address.port}/` }
  },

  /**
   * Stops the screen and the relay's server→client flow at one instant (nothing more reaches the
   * browser or the recording), ends the recording and answers its bytes (base64) and outcome.
   */
  async recCut(
    _context,
    id: string,
  ): Promise<{ outcome: RecordingOutcome; recording: string; files: string[] }> {
    const entry = vms.get(id)
    if (!entry) throw new Error(`No recorded VM ${id}`)
    clearInterval(entry.painter)
    const session = entry.sessions.at(-1)
    if (!session) throw new Error('No session was relayed')
    session.cut()
    const outcome = await session.recorder.finish()
    const files = await readdir(entry.directory)
    const file = files.find((name) => name.endsWith('.rvcrec'))
    const bytes = file ? await readFile(join(entry.directory, file)) : Buffer.alloc(0)
    return { outcome, recording: bytes.toString('base64'), files }
  },

  async recStopVm(_context, id: string): Promise<void> {
    const entry = vms.get(id)
    if (!entry) return
    vms.delete(id)
    clearInterval(entry.painter)
    for (const session of entry.sessions) session.upstream.destroy()
    for (const client of entry.relay.clients) client.terminate()
    await new Promise<void>((resolve) => entry.relay.close(() => resolve()))
    await entry.vm.close()
    await rm(entry.directory, { recursive: true, force: true })
  },
} satisfies Record<string, BrowserCommand<never[]>>

type Payload<F> = F extends (context: never, ...payload: infer P) => unknown ? P : never
type Commands = typeof recordingCommands

declare module 'vitest/browser' {
  interface BrowserCommands {
    recStartVm: (...args: Payload<Commands['recStartVm']>) => ReturnType<Commands['recStartVm']>
    recCut: (...args: Payload<Commands['recCut']>) => ReturnType<Commands['recCut']>
    recStopVm: (...args: Payload<Commands['recStopVm']>) => ReturnType<Commands['recStopVm']>
  }
}
