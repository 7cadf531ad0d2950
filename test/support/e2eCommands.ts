// Vitest browser commands (they run in Node, called from tests in Chromium) that start and stop
// the e2e servers. Tests hold ids; `e2eStopAll` in afterAll and the project's globalSetup
// teardown stop whatever a failed test left behind.
import type { BrowserCommand } from 'vitest/node'
import type { Stoppable } from './e2eServers.ts'
import {
  portAccepts,
  startTestGateway,
  startBuiltInCloud,
  startQemu,
  startRelayCloud,
  startWebsockify,
  startXtermDesktop,
} from './e2eServers.ts'
import type { QemuMachine, TappedKey, XtermDesktop } from './e2eServers.ts'
import { decodeQemuKeyEvents } from './qemuKeymap.ts'
import { stopAllProcesses } from './managedProcess.ts'
import { recordingCommands } from './recordingCommands.ts'
import { gatewayRecordingCommands } from './gatewayRecordingCommands.ts'

const running = new Map<string, Stoppable>()
const desktops = new Map<string, XtermDesktop>()
const machines = new Map<string, QemuMachine>()
const clouds = new Map<
  string,
  Awaited<ReturnType<typeof startRelayCloud>> | Awaited<ReturnType<typeof startBuiltInCloud>>
>()
let nextId = 0

function keep<T extends Stoppable>(kind: string, value: T): string {
  const id = `${kind}-${++nextId}`
  running.set(id, value)
  return id
}

export interface CloudStats {
  issuedTokens: number
  redeemedTokens: number
  activeRelays: number
  totalRelays: number
  bytesToVnc: number
  bytesFromVnc: number
}

export const e2eCommands = {
  // The recording relay of test/browser/replay.browser.test.tsx.
  ...recordingCommands,
  // The recording gateway of test/browser/gatewayReplay.browser.test.tsx.
  ...gatewayRecordingCommands,
  async e2eStartXterm(): Promise<{ id: string; vncPort: number }> {
    const desktop = await startXtermDesktop()
    const id = keep('xterm', desktop)
    desktops.set(id, desktop)
    return { id, vncPort: desktop.vncPort }
  },
  async e2eReadXterm(_context, id: string): Promise<string> {
    const desktop = desktops.get(id)
    if (!desktop) throw new Error(`No xterm desktop ${id}`)
    return desktop.readOutput()
  },
  async e2eStartQemu(
    _context,
    options: { websocket?: boolean; qmp?: boolean } = {},
  ): Promise<{ id: string; vncPort: number; websocketPort?: number; qmpSocket?: string }> {
    const machine = await startQemu(options)
    const id = keep('qemu', machine)
    machines.set(id, machine)
    return {
      id,
      qmpSocket: machine.qmpSocket,
      vncPort: machine.vncPort,
      websocketPort: machine.websocketPort,
    }
  },
  /** How many times QEMU `id` has reset (QMP RESET events; started with `qmp: true`). */
  async e2eQemuResets(_context, id: string): Promise<number> {
    const machine = machines.get(id)
    if (!machine) throw new Error(`No QEMU ${id}`)
    return machine.resets()
  },
  async e2eStartWebsockify(_context, vncPort: number): Promise<{ id: string; port: number }> {
    const proxy = await startWebsockify(vncPort)
    return { id: keep('websockify', proxy), port: proxy.port }
  },
  async e2eStartCloud(
    _context,
    /** `qmp`: QEMU's QMP socket, so that a force restart resets QEMU for real. */
    targets: { cloudTower: string; ecs: string; qmp?: string },
  ): Promise<{ id: string; url: string }> {
    const cloud = await startRelayCloud(targets)
    const id = keep('cloud', cloud)
    clouds.set(id, cloud)
    return { id, url: cloud.url }
  },
  async e2eStartBuiltInCloud(): Promise<{ id: string; url: string }> {
    const cloud = await startBuiltInCloud()
    const id = keep('cloud', cloud)
    clouds.set(id, cloud)
    return { id, url: cloud.url }
  },
  async e2eCloudStats(_context, id: string): Promise<CloudStats> {
    const cloud = clouds.get(id)
    if (!cloud) throw new Error(`No fake cloud ${id}`)
    return cloud.stats()
  },
  /** Every key event the clients of relay cloud `id` sent to its VNC servers (tapped in the relay). */
  async e2eCloudKeys(_context, id: string): Promise<{ keys: TappedKey[]; errors: string[] }> {
    const cloud = clouds.get(id)
    if (!cloud || !('keys' in cloud)) throw new Error(`No relay cloud ${id}`)
    return cloud.keys()
  },
  /** The text a guest gets from `keys` when QEMU runs with `-k keymap` (QEMU's own keymap file). */
  async e2eDecodeQemuKeys(_context, keys: TappedKey[], keymap: string): Promise<string> {
    return decodeQemuKeyEvents(keys, keymap)
  },
  /** Client messages the VNC servers of relay cloud `id` received, by type. */
  async e2eCloudMessageCounts(_context, id: string): Promise<Record<string, number>> {
    const cloud = clouds.get(id)
    if (!cloud || !('messageCounts' in cloud)) throw new Error(`No relay cloud ${id}`)
    return cloud.messageCounts()
  },
  /**
   * A console gateway (any page origin allowed) in front of fake cloud `cloudUrl`'s CloudTower,
   * granting every console with `mode`: the page's console is the observer the test drives.
   */
  async e2eStartGateway(
    _context,
    options: { cloudUrl: string; mode: 'control' | 'observe' },
  ): Promise<{ id: string; url: string }> {
    const gateway = await startTestGateway(options)
    return { id: keep('gateway', gateway), url: gateway.url }
  },
  async e2ePortAccepts(_context, port: number): Promise<boolean> {
    return portAccepts(port)
  },
  async e2eStop(_context, id: string): Promise<void> {
    const value = running.get(id)
    running.delete(id)
    desktops.delete(id)
    machines.delete(id)
    clouds.delete(id)
    await value?.stop()
  },
  /** Stops everything; answers what was still running (a test that leaks shows up here). */
  async e2eStopAll(): Promise<string[]> {
    const ids = [...running.keys()]
    await Promise.all(ids.map((id) => e2eCommands.e2eStop(undefined as never, id)))
    const orphans = await stopAllProcesses()
    return [...ids, ...orphans]
  },
} satisfies Record<string, BrowserCommand<never[]>>

type Payload<F> = F extends (context: never, ...payload: infer P) => unknown ? P : never
type Commands = typeof e2eCommands

declare module 'vitest/browser' {
  interface BrowserCommands {
    e2eStartXterm: (
      ...args: Payload<Commands['e2eStartXterm']>
    ) => ReturnType<Commands['e2eStartXterm']>
    e2eReadXterm: (
      ...args: Payload<Commands['e2eReadXterm']>
    ) => ReturnType<Commands['e2eReadXterm']>
    e2eStartQemu: (
      ...args: Payload<Commands['e2eStartQemu']>
    ) => ReturnType<Commands['e2eStartQemu']>
    e2eQemuResets: (
      ...args: Payload<Commands['e2eQemuResets']>
    ) => ReturnType<Commands['e2eQemuResets']>
    e2eStartWebsockify: (
      ...args: Payload<Commands['e2eStartWebsockify']>
    ) => ReturnType<Commands['e2eStartWebsockify']>
    e2eStartCloud: (
      ...args: Payload<Commands['e2eStartCloud']>
    ) => ReturnType<Commands['e2eStartCloud']>
    e2eStartBuiltInCloud: (
      ...args: Payload<Commands['e2eStartBuiltInCloud']>
    ) => ReturnType<Commands['e2eStartBuiltInCloud']>
    e2eCloudStats: (
      ...args: Payload<Commands['e2eCloudStats']>
    ) => ReturnType<Commands['e2eCloudStats']>
    e2eCloudKeys: (
      ...args: Payload<Commands['e2eCloudKeys']>
    ) => ReturnType<Commands['e2eCloudKeys']>
    e2eDecodeQemuKeys: (
      ...args: Payload<Commands['e2eDecodeQemuKeys']>
    ) => ReturnType<Commands['e2eDecodeQemuKeys']>
    e2eCloudMessageCounts: (
      ...args: Payload<Commands['e2eCloudMessageCounts']>
    ) => ReturnType<Commands['e2eCloudMessageCounts']>
    e2eStartGateway: (
      ...args: Payload<Commands['e2eStartGateway']>
    ) => ReturnType<Commands['e2eStartGateway']>
    e2ePortAccepts: (
      ...args: Payload<Commands['e2ePortAccepts']>
    ) => ReturnType<Commands['e2ePortAccepts']>
    e2eStop: (...args: Payload<Commands['e2eStop']>) => ReturnType<Commands['e2eStop']>
    e2eStopAll: (...args: Payload<Commands['e2eStopAll']>) => ReturnType<Commands['e2eStopAll']>
  }
}
