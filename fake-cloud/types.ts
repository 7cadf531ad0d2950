// Shared shapes of the fake cloud: its inventory, fault switches, counters, options and handle.
// (Types only, so they live together; every runtime export has its own file.)
import type { Server } from 'node:http'
import type { RfbServer } from './rfb/RfbServer.ts'

/** CloudTower's `VmStatus` (OpenAPI spec 4.6.0). Only RUNNING VMs open a console. */
export type FakeCloudTowerVmStatus = 'RUNNING' | 'STOPPED' | 'SUSPENDED' | 'UNKNOWN' | 'DELETED'

export interface FakeCloudTowerVm {
  /** The id asked for in `vnc(input: { vm: { id } })`. */
  id: string
  /** Answered as `vm_uuid` and required (`uuid=`) on the console socket. */
  uuid: string
  name: string
  status: FakeCloudTowerVmStatus
  /** Answered as `host_ip` and required (`host=`) on the console socket. */
  hostIp: string
  /** TCP VNC server (`host:port`) that the console socket is relayed to. */
  vnc: string
  /** Password the VNC server should ask for; only reported, never enforced by the relay. */
  vncPassword?: string
}

export interface FakeCloudTowerUser {
  username: string
  password: string
  /** `LoginInput.source`: `LOCAL`, `LDAP`, … must match. */
  source: string
  /** READ_ONLY users may list VMs but get PERMISSION_DENIED for `vnc`. */
  role: 'ADMIN' | 'READ_ONLY'
  /** A session token that is valid from the start, so tests and the demo can skip `login`. */
  sessionToken?: string
}

/**
 * ECS `status` values the fake goes through. `DELETED` servers answer Ecs.0614; only ACTIVE,
 * REBOOT and HARD_REBOOT ones (the guest's QEMU is up) issue a console.
 */
export type FakeEcsServerStatus = 'ACTIVE' | 'SHUTOFF' | 'REBOOT' | 'HARD_REBOOT' | 'DELETED'

export interface FakeEcsServer {
  projectId: string
  serverId: string
  name: string
  status: FakeEcsServerStatus
  /** `OS-EXT-STS:task_state` while a power job runs (`powering-on`, `rebooting_hard`, …). */
  taskState?: string | null
  vnc: string
  vncPassword?: string
}

/** An `X-Auth-Token` value; Huawei tokens are project-scoped (another project → Ecs.0003). */
export interface FakeEcsAuthToken {
  token: string
  projectId: string
}

export interface FakeCloudInventory {
  cloudTower: { users: FakeCloudTowerUser[]; vms: FakeCloudTowerVm[] }
  ecs: { tokens: FakeEcsAuthToken[]; servers: FakeEcsServer[] }
}

export interface FakeFaults {
  /** Delay before every cloud API answer and console upgrade. */
  latencyMs: number
  /** The next N cloud API requests fail with `failStatus`. */
  failNext: number
  /** 5xx status used by `failNext`. */
  failStatus: number
  /** Every console token is refused (HTTP 403 on upgrade), without being consumed. */
  rejectTokens: boolean
  /** Cloud APIs answer 429 (ECS: APIGW.0308). */
  throttle: boolean
  /** Overrides every VM's VNC password (null: each VM's own). Built-in VNC servers enforce it. */
  vncPassword: string | null
}

export interface FakeFaultControl {
  /** A copy of the current switches. */
  get(): FakeFaults
  set(patch: Partial<FakeFaults>): FakeFaults
  reset(): FakeFaults
  /** One-shot: abruptly ends every live relayed console (clients see close code 1006). */
  dropConnections(): number
  /** Called after every change, e.g. to reconfigure a VNC server's password. */
  onChange(listener: (faults: FakeFaults) => void): () => void
}

/** The power operations both clouds offer, in the fake's own words. */
export type FakePowerAction = 'start' | 'shutdown' | 'poweroff' | 'restart' | 'forceRestart'

/** One CloudTower task or ECS job: pending → running → success (or failed) over `powerDelayMs`. */
export interface FakePowerOperation {
  /** CloudTower `task_id` / ECS `job_id`. */
  id: string
  provider: 'cloudtower' | 'ecs'
  /** VM id or ECS server id. */
  resourceId: string
  action: FakePowerAction
  phase: 'pending' | 'running' | 'success' | 'failed'
  createdAt: number
  startedAt?: number
  finishedAt?: number
  /** Why it failed (the VM was not in a state that allows the action). */
  error?: { code: string; message: string }
}

export interface FakePowerControl {
  /** Starts an operation on a VM or ECS server (it must exist). */
  request(
    provider: FakePowerOperation['provider'],
    resourceId: string,
    action: FakePowerAction,
  ): FakePowerOperation
  /** A task or job by id (kept until close). */
  get(id: string): FakePowerOperation | undefined
  /** The unfinished operation on a VM, if any. */
  inFlight(resourceId: string): FakePowerOperation | undefined
  /**
   * Chaos: the VM is stopped (or running) now, with no task; stopping ends its live consoles.
   * False for an unknown id.
   */
  force(resourceId: string, state: 'stopped' | 'running'): boolean
  /** Cancels every timer. */
  close(): void
}

export interface FakeCloudStats {
  /** Cloud API requests (not /__fake, not websockets). */
  requests: number
  /** Console credentials issued: one per CloudTower `vnc` answer (a token pair), one per ECS URL. */
  issuedTokens: number
  /** Console credentials redeemed by an accepted websocket. */
  redeemedTokens: number
  activeRelays: number
  totalRelays: number
  rejectedUpgrades: number
  bytesToVnc: number
  bytesFromVnc: number
}

export interface FakeCloudOptions {
  /** Default 127.0.0.1: the fake never listens beyond loopback unless told. */
  host?: string
  /** Default 0 (a free port). */
  port?: number
  /** Answered as `cluster_ip`: the direct link is `ws://${cluster_ip}/websockify/…` (port 80). */
  clusterIp?: string
  /** Origin that ECS console URLs point at; default this server's own `url`. */
  publicUrl?: string
  /** Default `defaultInventory()`. The handle exposes it live: edits apply to later requests. */
  inventory?: FakeCloudInventory
  /** `host:port` every console relays to instead of its VM's; default `process.env.DEMO_VNC`, null: none. */
  vncTarget?: string | null
  /**
   * Start one built-in RFB server per VM and ECS server (loopback, free ports) and point their
   * `vnc` targets at it. Default: true unless `vncTarget` is given (even `null`) or `DEMO_VNC` is set.
   */
  builtInVnc?: boolean
  faults?: Partial<FakeFaults>
  /** Unredeemed console tokens expire after this; default 10 minutes. */
  tokenTtlMs?: number
  /** `Access-Control-Allow-Origin: *` and preflights, for browsers calling the fake directly; default true. */
  cors?: boolean
  /**
   * Called for each relayed console connection; the function it returns gets every byte the
   * client sends toward the VNC server, in order (see `createClientStreamTap`).
   */
  tapConsole?: () => (chunk: Uint8Array) => void
  /** Refuse (403) console websockets whose `Origin` is not the socket's own host, as Nova's proxy does. Default false. */
  checkConsoleOrigin?: boolean
  /** How long a power task / job takes (start, stop, restart, and the boot screen); default 1500 ms. */
  powerDelayMs?: number
  /**
   * QEMU QMP sockets (unix path or `host:port`) by VM / server id, or one for every VM: a
   * force restart then sends QMP `system_reset` to it (the e2e tests' real QEMU).
   */
  qmp?: string | Record<string, string>
}

export interface FakeCloudHandle {
  /** `http://host:port` */
  url: string
  host: string
  port: number
  server: Server
  faults: FakeFaultControl
  inventory: FakeCloudInventory
  /** Live counters. */
  stats: Readonly<FakeCloudStats>
  /**
   * The built-in VNC servers by VM id / ECS server id (empty without `builtInVnc`): tests read keys,
   * clipboard and sessions there. Their password follows `vncPasswordFor` for every new session.
   */
  vncServers: ReadonlyMap<string, RfbServer>
  /** The VNC password a VM or ECS server should currently require (fault override first). */
  vncPasswordFor(id: string): string | undefined
  /** VM state and the power tasks / jobs of both clouds. */
  power: FakePowerControl
  /** Forgets every CloudTower session made by `login` (as if they expired); returns how many. */
  revokeSessions(): number
  /** Ends every socket, relay and timer, then stops listening. */
  close(): Promise<void>
}

/** A console credential: one CloudTower `vnc` answer (two token spellings) or one ECS URL. */
export interface ConsoleCredential {
  provider: 'cloudtower' | 'ecs'
  /** VM id or ECS server id, for logs and password look-ups. */
  resourceId: string
  /** `host:port` to relay to, fixed when issued. */
  vnc: string
  /** CloudTower only: what the link's `uuid=` and `host=` must say. */
  vmUuid?: string
  hostIp?: string
  expiresAt: number
  redeemed: boolean
}

export type Redemption =
  | { ok: true; credential: ConsoleCredential }
  | { ok: false; reason: 'unknown' | 'redeemed' | 'expired' }
