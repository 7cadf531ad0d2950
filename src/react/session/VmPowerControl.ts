import type { VmPowerAction } from '../../core/power/VmPowerAction.js'
import type { VmStateInfo } from '../../core/power/VmStateInfo.js'

/**
 * What a console needs to know and change its VM's power through the cloud: `<CloudTowerConsole>`
 * and `<EcsConsole>` build one from their props; a bare `<ConsoleViewer>` may be given one.
 */
export interface VmPowerControl {
  /** One read of the VM's state (the core state fetcher). */
  state(signal: AbortSignal): Promise<VmStateInfo>
  /** Sends `action` once and follows the cloud's task or job until it is done; rejects when it failed. */
  act(action: VmPowerAction, signal: AbortSignal): Promise<unknown>
  /** The actions this user may take (empty: the state shows, no button does). */
  actions: readonly VmPowerAction[]
  /** Whose words the menu uses: CloudTower's (Shut down, Power off…) or ECS's (Stop, Force stop…). */
  provider: 'cloudtower' | 'ecs'
}
