import type { ConsoleTarget } from '../types.js'

/** A target as audit events name it. */
export function auditTarget(target: ConsoleTarget): {
  provider: ConsoleTarget['provider']
  vmId: string
} {
  return {
    provider: target.provider,
    vmId: target.provider === 'cloudtower' ? target.vmId : target.serverId,
  }
}
