import type { VmPowerAction } from '../core/power/VmPowerAction.js'
import { POWER_ACTIONS } from './POWER_ACTIONS.js'

/**
 * The power actions an `authorize` answer grants: only those named in its `power` list. `true`,
 * `{ user }` and anything malformed grant none, so an `authorize` written for consoles alone
 * never lets anyone switch a VM off.
 */
export function grantedPowerActions(allowed: unknown): VmPowerAction[] {
  const power = (allowed as { power?: unknown } | null)?.power
  if (typeof allowed !== 'object' || !Array.isArray(power)) return []
  return POWER_ACTIONS.filter((action) => power.includes(action))
}
