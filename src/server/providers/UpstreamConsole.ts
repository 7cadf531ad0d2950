import type { PowerActionResult } from '../../core/power/PowerActionResult.js'
import type { PowerTask } from '../../core/power/PowerTask.js'
import type { VmPowerAction } from '../../core/power/VmPowerAction.js'
import type { VmStateInfo } from '../../core/power/VmStateInfo.js'
import type { GatewayTlsOptions } from '../types.js'

/** Where one console's bytes go: the cloud's console socket (with its one-time token) and how to reach it. */
export interface UpstreamConsole {
  url: string
  /** The proxy's own origin: Nova-derived proxies refuse any other. */
  origin: string
}

/** A configured cloud: one-time console sockets, VM state and power on demand, and the secrets logs must never show. */
export interface ConsoleSource {
  open(id: string, signal: AbortSignal): Promise<UpstreamConsole>
  state(id: string, signal: AbortSignal): Promise<VmStateInfo>
  power(id: string, action: VmPowerAction, signal: AbortSignal): Promise<PowerActionResult>
  /** Reads a power action's task (CloudTower) or job (ECS) once. */
  task(taskId: string, signal: AbortSignal): Promise<PowerTask>
  secrets(): (string | undefined)[]
  /** How to reach its console sockets (the same for every console of this cloud). */
  readonly tls: GatewayTlsOptions
  close(): void
}
