// Node side of the e2e tests: real VNC servers from Debian packages (TigerVNC's Xvnc running an
// xterm, QEMU's firmware, websockify) and the fake cloud relaying to them. Browser tests reach
// these through the commands in e2eCommands.ts; every process is a ManagedProcess.
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { connect, createServer } from 'node:net'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defaultInventory } from '../../fake-cloud/defaultInventory.ts'
import { startFakeCloud } from '../../fake-cloud/startFakeCloud.ts'
import { createClientStreamTap } from '../../fake-cloud/rfb/createClientStreamTap.ts'
import type { RecordOptions } from '../../src/server/recording/RecordOptions.ts'
import type { ManagedProcess } from './managedProcess.ts'
import { startProcess } from './managedProcess.ts'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Polls until `check` passes or `timeoutMs` runs out; the error says what was awaited. */
async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check()) return
    await sleep(100)
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`)
}

/** Whether something accepts TCP connections on the loopback `port`. */
export function portAccepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer()
    server.once('error', () => resolve(false))
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)))
  })
}

/** A free loopback port, optionally at or above `from` (QEMU's `-vnc :N` means 5900 + N). */
export async function freePort(from = 0): Promise<number> {
  if (from === 0) {
    return new Promise((resolve, reject) => {
      const server = createServer()
      server.once('error', reject)
      server.listen(0, '127.0.0.1', () => {
        const address = server.address()
        server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
      })
    })
  }
  // Random start: parallel test files (and runs) should not race for the same display.
  for (let i = 0; i < 200; i++) {
    const port = from + 1 + Math.floor(Math.random() * 2000)
    if (await portIsFree(port)) return port
  }
  throw new Error(`No free port above ${from}`)
}

async function startOrExplain(
  managed: ManagedProcess,
  ready: () => Promise<boolean>,
  what: string,
) {
  const died = managed.exited.then((code) => {
    throw new Error(`${managed.name} exited (${code}) before ${what}:\n${managed.output()}`)
  })
  try {
    await Promise.race([waitFor(what, ready, 20_000), died])
  } catch (error) {
    await managed.stop()
    throw error
  } finally {
    died.catch(() => undefined)
  }
}

export interface Stoppable {
  stop(): Promise<void>
}

/** TigerVNC's Xvnc with one full-screen xterm whose shell copies every typed line to `outputFile`. */
export interface XtermDesktop extends Stoppable {
  vncPort: number
  display: string
  outputFile: string
  readOutput(): Promise<string>
}

export async function startXtermDesktop(): Promise<XtermDesktop> {
  const dir = await mkdtemp(join(tmpdir(), 'rvc-xterm-'))
  const outputFile = join(dir, 'typed.txt')
  // One X display per desktop; Xvnc's RFB port is chosen separately (-rfbport).
  let displayNumber = 0
  for (let n = 100 + Math.floor(Math.random() * 800); n < 1000; n++) {
    if (!existsSync(`/tmp/.X11-unix/X${n}`) && !existsSync(`/tmp/.X${n}-lock`)) {
      displayNumber = n
      break
    }
  }
  const display = `:${displayNumber}`
  const vncPort = await freePort()
  const xvnc = startProcess('Xvnc', 'Xvnc', [
    display,
    '-rfbport',
    String(vncPort),
    '-localhost',
    '-nolisten',
    'tcp',
    '-SecurityTypes',
    'None',
    '-geometry',
    '800x600',
    '-depth',
    '24',
    '-desktop',
    'e2e-xterm',
  ])
  await startOrExplain(xvnc, () => portAccepts(vncPort), `Xvnc on port ${vncPort}`)
  // No window manager: keyboard focus follows the pointer, so the xterm covers the whole screen.
  const xterm = startProcess(
    'xterm',
    'xterm',
    ['-geometry', '132x46+0+0', '-e', 'sh', '-c', `exec cat > '${outputFile}'`],
    { env: { DISPLAY: display } },
  )
  const stop = async () => {
    await xterm.stop()
    await xvnc.stop()
    await rm(dir, { recursive: true, force: true })
  }
  try {
    await startOrExplain(
      xterm,
      async () => (await stat(outputFile).catch(() => null)) !== null,
      'the xterm shell',
    )
  } catch (error) {
    await stop()
    throw error
  }
  return {
    vncPort,
    display,
    outputFile,
    readOutput: () => readFile(outputFile, 'utf8'),
    stop,
  }
}

/**
 * QEMU with no disk: SeaBIOS shows its banner, iPXE's, and "Press ESC for boot menu" for a minute
 * (`splash-time`), so the firmware screen stays put while a test looks at it and presses Escape.
 */
export interface QemuMachine extends Stoppable {
  vncPort: number
  /** QEMU's own websocket VNC (`-vnc …,websocket=`), when asked for. */
  websocketPort?: number
  /** The QMP socket for the fake cloud (`-qmp unix:…`), when asked for. */
  qmpSocket?: string
  /** How many RESET events QEMU has reported (a second QMP socket listens), 0 without `qmp`. */
  resets(): number
}

/** Listens on a QMP socket for RESET events: the proof that QEMU really reset. */
async function watchQmpResets(path: string) {
  let resets = 0
  let buffered = ''
  await waitFor(`QMP on ${path}`, async () => existsSync(path), 20_000)
  const socket = connect(path)
  socket.setEncoding('utf8')
  socket.on('error', () => undefined) // QEMU going away ends the watch; stop() ends QEMU
  socket.on('data', (chunk: string) => {
    buffered += chunk
    let newline: number
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const message = JSON.parse(buffered.slice(0, newline)) as Record<string, unknown>
      buffered = buffered.slice(newline + 1)
      // Events flow only after the capabilities handshake.
      if (message.QMP) socket.write('{"execute":"qmp_capabilities"}\n')
      if (message.event === 'RESET') resets++
    }
  })
  return { resets: () => resets, stop: () => socket.destroy() }
}

export async function startQemu(
  options: { websocket?: boolean; qmp?: boolean } = {},
): Promise<QemuMachine> {
  const vncPort = await freePort(5900)
  const websocketPort = options.websocket ? await freePort() : undefined
  const vnc = `127.0.0.1:${vncPort - 5900}${websocketPort ? `,websocket=127.0.0.1:${websocketPort}` : ''}`
  const dir = options.qmp ? await mkdtemp(join(tmpdir(), 'rvc-qemu-')) : undefined
  const qmpSocket = dir && join(dir, 'qmp.sock')
  const eventSocket = dir && join(dir, 'events.sock')
  // Two QMP monitors: QEMU serves one client per socket, the cloud's and the watcher's.
  const qmpArgs = dir
    ? [
        '-qmp',
        `unix:${qmpSocket},server=on,wait=off`,
        '-qmp',
        `unix:${eventSocket},server=on,wait=off`,
      ]
    : []
  const qemu = startProcess('qemu', 'qemu-system-x86_64', [
    '-no-user-config',
    '-accel',
    'tcg',
    '-m',
    '64',
    '-boot',
    'menu=on,splash-time=60000',
    '-vnc',
    vnc,
    ...qmpArgs,
  ])
  const removeDir = async () => {
    if (dir) await rm(dir, { recursive: true, force: true })
  }
  let watch: Awaited<ReturnType<typeof watchQmpResets>> | undefined
  try {
    await startOrExplain(qemu, () => portAccepts(vncPort), `QEMU's VNC on port ${vncPort}`)
    if (websocketPort) {
      await startOrExplain(
        qemu,
        () => portAccepts(websocketPort),
        `QEMU's websocket ${websocketPort}`,
      )
    }
    if (eventSocket) watch = await watchQmpResets(eventSocket)
  } catch (error) {
    await qemu.stop()
    await removeDir()
    throw error
  }
  return {
    vncPort,
    websocketPort,
    qmpSocket,
    resets: () => watch?.resets() ?? 0,
    stop: async () => {
      watch?.stop()
      await qemu.stop()
      await removeDir()
    },
  }
}

/** Debian's websockify (python3-websockify) in front of a TCP VNC server. */
export async function startWebsockify(vncPort: number): Promise<Stoppable & { port: number }> {
  const port = await freePort()
  const proxy = startProcess('websockify', 'websockify', [
    `127.0.0.1:${port}`,
    `127.0.0.1:${vncPort}`,
  ])
  await startOrExplain(proxy, () => portAccepts(port), `websockify on port ${port}`)
  return { port, stop: () => proxy.stop() }
}

/** A key event as it reached the VNC server: a QEMU extended key event, or a plain KeyEvent (scancode 0). */
export interface TappedKey {
  down: boolean
  keysym: number
  scancode: number
}

/**
 * The fake CloudTower + ECS with every console relayed to the given real VNC servers:
 * `cloudTower` for every CloudTower VM, `ecs` for every ECS server. The relays are tapped: `keys()`
 * answers every key event the clients sent, in order, across connections.
 */
export async function startRelayCloud(targets: { cloudTower: string; ecs: string; qmp?: string }) {
  const inventory = defaultInventory(targets.cloudTower)
  for (const server of inventory.ecs.servers) server.vnc = targets.ecs
  for (const vm of inventory.cloudTower.vms) delete vm.vncPassword
  for (const server of inventory.ecs.servers) delete server.vncPassword
  const keys: TappedKey[] = []
  const errors: string[] = []
  /** Every client message the VNC servers received, by type (across connections). */
  const counts: Record<string, number> = {}
  const tapConsole = () => {
    const tap = createClientStreamTap((message) => {
      counts[message.type] = (counts[message.type] ?? 0) + 1
      if (message.type === 'qemuKey') {
        keys.push({ down: message.down, keysym: message.keysym, scancode: message.scancode })
      } else if (message.type === 'key')
        keys.push({ down: message.down, keysym: message.keysym, scancode: 0 })
    })
    return (chunk: Uint8Array) => {
      tap.push(chunk)
      if (tap.error && !errors.includes(tap.error)) errors.push(tap.error)
    }
  }
  const cloud = await startFakeCloud({
    inventory,
    vncTarget: null,
    tapConsole,
    qmp: targets.qmp,
  })
  return {
    url: cloud.url,
    stats: () => ({ ...cloud.stats }),
    keys: (): { keys: TappedKey[]; errors: string[] } => ({
      keys: keys.map(({ down, keysym, scancode }) => ({ down, keysym, scancode })),
      errors: [...errors],
    }),
    messageCounts: (): Record<string, number> => ({ ...counts }),
    stop: () => cloud.close(),
  }
}

/** The fake cloud with its own pure-TS VNC server per VM (no Debian packages needed). */
export async function startBuiltInCloud() {
  const cloud = await startFakeCloud({ builtInVnc: true })
  return {
    url: cloud.url,
    stats: () => ({ ...cloud.stats }),
    stop: () => cloud.close(),
  }
}

/**
 * A node:http console gateway for e2e pages (any origin), every console granted with `mode`;
 * `record` is the gateway's option, `onUpgrade` hears each websocket URL (its ticket) as it arrives.
 */
export async function startTestGateway(options: {
  cloudUrl: string
  mode: 'control' | 'observe'
  record?: RecordOptions
  onUpgrade?: (url: string) => void
}) {
  const { createServer } = await import('node:http')
  const { createConsoleGateway } = await import('../../src/server/createConsoleGateway.ts')
  const gateway = createConsoleGateway({
    authorize: () => ({ user: 'e2e', mode: options.mode }),
    allowedOrigins: () => true,
    logger: { error: () => {} },
    providers: {
      cloudtower: { endpoint: options.cloudUrl, token: 'fake-cloudtower-admin-token' },
    },
    record: options.record,
  })
  const server = createServer((request, response) => void gateway.handleRequest(request, response))
  server.on('upgrade', (request, socket, head) => {
    options.onUpgrade?.(request.url ?? '')
    if (!gateway.upgrade(request, socket, head)) socket.destroy()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${port}/consoles`,
    stop: async () => {
      await gateway.close()
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}
