// Browser commands (they run in Node) for replaying a recording the gateway itself made: the fake
// cloud's built-in RFB server (VNC Authentication, a screen that keeps changing) behind a real
// createConsoleGateway whose `record` option writes each session to a temporary directory.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserCommand } from 'vitest/node'
import { defaultInventory } from '../../fake-cloud/defaultInventory.ts'
import { startFakeCloud } from '../../fake-cloud/startFakeCloud.ts'
import type { FakeCloudHandle } from '../../fake-cloud/types.ts'
import { createFileRecordingSink } from '../../src/server/recording/createFileRecordingSink.ts'
import { startTestGateway } from './e2eServers.ts'

/** The VM whose console is recorded (800×600 on the built-in VNC, password-protected). */
const VM = 'vm-windows-01'
/** The token the test gateway uses at the fake CloudTower (see startTestGateway). */
const ADMIN_TOKEN = 'fake-cloudtower-admin-token'

interface RecordingGateway {
  cloud: FakeCloudHandle
  gateway: Awaited<ReturnType<typeof startTestGateway>>
  directory: string
  painter: ReturnType<typeof setInterval> | undefined
  /** The tickets of every websocket URL the gateway saw. */
  tickets: string[]
  /** The one-time console tokens of every websocket URL the cloud saw. */
  consoleTokens: string[]
}

const setups = new Map<string, RecordingGateway>()
let next = 0

/** The `name` query parameter of a websocket request's URL, if any. */
const queryValue = (url: string | undefined, name: string) =>
  new URL(url ?? '/', 'http://x').searchParams.getAll(name)

export const gatewayRecordingCommands = {
  /** The fake cloud (VM `vmId` asks for `vncPassword`) behind a recording gateway at `url`. */
  async gwRecStart(
    _context,
    options: { vncPassword: string },
  ): Promise<{ id: string; url: string; vmId: string }> {
    const inventory = defaultInventory()
    inventory.cloudTower.vms.find((vm) => vm.id === VM)!.vncPassword = options.vncPassword
    const cloud = await startFakeCloud({ builtInVnc: true, inventory })
    const directory = await mkdtemp(join(tmpdir(), 'rvc-gw-replay-'))
    const entry: RecordingGateway = {
      cloud,
      directory,
      painter: undefined,
      tickets: [],
      consoleTokens: [],
      gateway: undefined as never,
    }
    cloud.server.prependListener('upgrade', (request: { url?: string }) => {
      entry.consoleTokens.push(...queryValue(request.url, 'token'))
    })
    try {
      entry.gateway = await startTestGateway({
        cloudUrl: cloud.url,
        mode: 'control',
        record: { sink: createFileRecordingSink({ directory }) },
        onUpgrade: (url) => entry.tickets.push(...queryValue(url, 'ticket')),
      })
    } catch (error) {
      await cloud.close()
      await rm(directory, { recursive: true, force: true })
      throw error
    }
    const framebuffer = cloud.vncServers.get(VM)!.framebuffer
    let tick = 0
    entry.painter = setInterval(() => {
      // A moving, colour-cycling block below the title bar: every update changes the screen.
      tick++
      const colour = (((tick * 37) % 256) << 16) | (((tick * 91) % 256) << 8) | ((tick * 13) % 256)
      framebuffer.fillRect((tick * 23) % 720, 60 + ((tick * 17) % 480), 80, 40, colour)
    }, 100)
    const id = `recording-gateway-${++next}`
    setups.set(id, entry)
    return { id, url: entry.gateway.url, vmId: VM }
  },

  /** Stops every change on the VM's screen: the painter and the scene's clock. */
  async gwRecFreeze(_context, id: string): Promise<void> {
    const entry = setups.get(id)
    if (!entry) throw new Error(`No recording gateway ${id}`)
    clearInterval(entry.painter)
    entry.cloud.vncServers.get(VM)!.scene?.stop()
  },

  /**
   * Once the session has ended: the gateway's recording file (base64; waits until it is renamed
   * from `.part`), and the tickets, console tokens and cloud token that crossed the wire for it.
   */
  async gwRecFile(
    _context,
    id: string,
  ): Promise<{
    files: string[]
    recording: string
    tickets: string[]
    consoleTokens: string[]
    adminToken: string
  }> {
    const entry = setups.get(id)
    if (!entry) throw new Error(`No recording gateway ${id}`)
    const deadline = Date.now() + 15_000
    let files = await readdir(entry.directory)
    while (!files.some((name) => name.endsWith('.rvcrec')) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      files = await readdir(entry.directory)
    }
    const file = files.find((name) => name.endsWith('.rvcrec'))
    const bytes = file ? await readFile(join(entry.directory, file)) : Buffer.alloc(0)
    return {
      files,
      recording: bytes.toString('base64'),
      tickets: [...entry.tickets],
      consoleTokens: [...entry.consoleTokens],
      adminToken: ADMIN_TOKEN,
    }
  },

  async gwRecStop(_context, id: string): Promise<void> {
    const entry = setups.get(id)
    if (!entry) return
    setups.delete(id)
    clearInterval(entry.painter)
    await entry.gateway.stop()
    await entry.cloud.close()
    await rm(entry.directory, { recursive: true, force: true })
  },
} satisfies Record<string, BrowserCommand<never[]>>

type Payload<F> = F extends (context: never, ...payload: infer P) => unknown ? P : never
type Commands = typeof gatewayRecordingCommands

declare module 'vitest/browser' {
  interface BrowserCommands {
    gwRecStart: (...args: Payload<Commands['gwRecStart']>) => ReturnType<Commands['gwRecStart']>
    gwRecFreeze: (...args: Payload<Commands['gwRecFreeze']>) => ReturnType<Commands['gwRecFreeze']>
    gwRecFile: (...args: Payload<Commands['gwRecFile']>) => ReturnType<Commands['gwRecFile']>
    gwRecStop: (...args: Payload<Commands['gwRecStop']>) => ReturnType<Commands['gwRecStop']>
  }
}
