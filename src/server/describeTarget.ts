import type { ConsoleTarget } from './types.js'

/** `cloudtower vm-1` / `ecs 47bc…`: the VM a log line is about. */
export const describeTarget = (target: ConsoleTarget) =>
  `${target.provider} ${target.provider === 'cloudtower' ? target.vmId : target.serverId}`
