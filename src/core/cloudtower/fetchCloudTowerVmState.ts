import { asRecord } from '../http/asRecord.js'
import { cloudTowerErrorKind } from './cloudTowerErrorKind.js'
import { cloudTowerVmState } from './cloudTowerVmState.js'
import { ConsoleError } from '../errors/ConsoleError.js'
import type { FetchCloudTowerVncArgs } from './fetchCloudTowerVnc.js'
import { postCloudTower } from './postCloudTower.js'
import { responseError } from '../http/responseError.js'
import type { VmStateInfo } from '../power/VmStateInfo.js'

/** The same fields as the `vnc` query. */
export type FetchCloudTowerVmStateArgs = FetchCloudTowerVncArgs

/**
 * Asks CloudTower for a VM's power state (`POST /v2/api/get-vms` with `{ where: { id } }`). A VM
 * CloudTower does not list is `not_found`; a status it does not document is `unknown`.
 */
export async function fetchCloudTowerVmState(
  args: FetchCloudTowerVmStateArgs,
): Promise<VmStateInfo> {
  const { vmId } = args
  const response = await postCloudTower(args, 'v2/api/get-vms', vmId, 'VM id')
  const list = response.json
  if (response.ok && Array.isArray(list)) {
    const vm = asRecord(list[0])
    if (list.length === 0) {
      throw new ConsoleError({
        kind: 'not_found',
        provider: 'cloudtower',
        status: response.status,
        message: `CloudTower has no VM "${vmId}". Check the VM and the endpoint.`,
      })
    }
    if (typeof vm?.status === 'string') {
      return { state: cloudTowerVmState(vm.status, vm.in_recycle_bin), cloudStatus: vm.status }
    }
  }
  throw responseError(
    'cloudtower',
    response,
    [args.token],
    cloudTowerErrorKind,
    `VM "${vmId}"`,
    undefined,
    'VM state',
  )
}
