import type { VmPowerAction } from '../core/power/VmPowerAction.js'

/** Every power action, in the order the gateway lists them to the browser. */
export const POWER_ACTIONS: readonly VmPowerAction[] = [
  'start',
  'shutdown',
  'poweroff',
  'restart',
  'forceRestart',
]
