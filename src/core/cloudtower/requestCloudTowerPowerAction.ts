import { asRecord } from '../http/asRecord.js'
import { cloudTowerErrorKind } from './cloudTowerErrorKind.js'
import { ConsoleError } from '../errors/ConsoleError.js'
import type { FetchCloudTowerVncArgs } from './fetchCloudTowerVnc.js'
import type { PowerActionResult } from '../power/PowerActionResult.js'
import { postCloudTower } from './postCloudTower.js'
import { responseError } from '../http/responseError.js'
import type { VmPowerAction } from '../power/VmPowerAction.js'

export type RequestCloudTowerPowerActionArgs = FetchCloudTowerVncArgs & { action: VmPowerAction }

// The operations of CloudTower's REST API, one per action.
const OPERATIONS: Readonly<Record<VmPowerAction, string>> = {
  start: 'start-vm',
  shutdown: 'shutdown-vm',
  poweroff: 'poweroff-vm',
  restart: 'restart-vm',
  forceRestart: 'force-restart-vm',
}

/**
 * Asks CloudTower to start, shut down, power off, restart or force-restart a VM
 * (`POST /v2/api/<action>-vm` with `{ where: { id } }`). It answers at once with the task that
 * does it: follow it with `fetchCloudTowerTask` (or `waitForPowerTask`) before trusting the state.
 */
export async function requestCloudTowerPowerAction(
  args: RequestCloudTowerPowerActionArgs,
): Promise<PowerActionResult> {
  const { action, vmId } = args
  if (!Object.hasOwn(OPERATIONS, action)) {
    throw new ConsoleError({
      kind: 'invalid_input',
      provider: 'cloudtower',
      message: 'The power action must be start, shutdown, poweroff, restart or forceRestart.',
    })
  }
  const response = await postCloudTower(args, `v2/api/${OPERATIONS[action]}`, vmId, 'VM id')
  // WithTask<Vm>[]: one entry for our one VM; a null task_id means it is already done.
  const list = response.json
  const taskId = Array.isArray(list) ? asRecord(list[0])?.task_id : undefined
  if (response.ok && (taskId === null || (typeof taskId === 'string' && taskId))) {
    return { taskId }
  }
  throw responseError(
    'cloudtower',
    response,
    [args.token],
    cloudTowerErrorKind,
    `VM "${vmId}"`,
    undefined,
    'power action',
  )
}
