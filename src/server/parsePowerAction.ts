import { ConsoleError } from '../core/errors/ConsoleError.js'
import type { VmPowerAction } from '../core/power/VmPowerAction.js'
import { POWER_ACTIONS as ACTIONS } from './POWER_ACTIONS.js'

/** The `action` of a power request's body: one of the power actions, else `invalid_input`. */
export function parsePowerAction(body: unknown): VmPowerAction {
  const action = (body as Record<string, unknown> | null)?.action
  if (typeof action === 'string' && (ACTIONS as readonly string[]).includes(action)) {
    return action as VmPowerAction
  }
  throw new ConsoleError({
    kind: 'invalid_input',
    provider: 'vnc',
    message: `action must be one of ${ACTIONS.join(', ')}.`,
  })
}
