import { defaultInventory } from '../../fake-cloud/defaultInventory.ts'
import type { FakeCloudInventory } from '../../fake-cloud/types.ts'

/** The stopped VM that the Start VM scenario starts (and the bench stops again between samples). */
const STOPPED_VM = 'bench-vm-stopped'

/**
 * The default inventory plus one VM per grid cell and one stopped VM, each with its own built-in
 * RFB server.
 */
export function benchInventory(vms: number): {
  inventory: FakeCloudInventory
  ids: string[]
  stoppedVm: string
} {
  const inventory = defaultInventory()
  const ids: string[] = []
  for (let i = 1; i <= vms; i++) {
    const id = `bench-vm-${String(i).padStart(2, '0')}`
    ids.push(id)
    inventory.cloudTower.vms.push({
      id,
      uuid: `b0000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      name: id,
      status: 'RUNNING',
      hostIp: `192.168.6.${i}`,
      vnc: '127.0.0.1:5900',
    })
  }
  inventory.cloudTower.vms.push({
    id: STOPPED_VM,
    uuid: 'b0000000-0000-4000-8000-999999999999',
    name: STOPPED_VM,
    status: 'STOPPED',
    hostIp: '192.168.6.250',
    vnc: '127.0.0.1:5900',
  })
  return { inventory, ids, stoppedVm: STOPPED_VM }
}
