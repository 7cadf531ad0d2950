import type { VmPowerAction } from '../../core/power/VmPowerAction.js'
import type { VmStateInfo } from '../../core/power/VmStateInfo.js'

// Where each action is headed, and what the VM is meanwhile.
const TRANSITION: Readonly<
  Record<VmPowerAction, { to: string | null; via: VmStateInfo['state'] }>
> = {
  start: { to: 'running', via: 'starting' },
  shutdown: { to: 'stopped', via: 'stopping' },
  poweroff: { to: 'stopped', via: 'stopping' },
  // A restarting VM may say `running` all along: only the task's end says it is back.
  restart: { to: null, via: 'restarting' },
  forceRestart: { to: null, via: 'restarting' },
}

/**
 * The state to answer while the gateway follows a power action's task: CloudTower keeps saying
 * `STOPPED` until a started VM runs, so a settled state that is not yet the action's goal is shown
 * as the transition under way (`starting`, `stopping`, `restarting`). A transition the cloud
 * reports itself (ECS's task_state) and any other state pass unchanged.
 */
export function powerUnderWayState(
  info: VmStateInfo,
  action: VmPowerAction | undefined,
): VmStateInfo {
  if (!action) return info
  const { to, via } = TRANSITION[action]
  const settled = info.state === 'running' || info.state === 'stopped'
  if (!settled || info.state === to) return info
  return { ...info, state: via }
}
