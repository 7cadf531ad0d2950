import { defaultInventory } from '../../fake-cloud/defaultInventory.ts'
import type { FakeCloudInventory } from '../../fake-cloud/types.ts'

/** The default inventory plus one VM per grid cell, each with its own built-in RFB server. */
export function benchInventory(vms: number): { inventory: FakeCloudInventory; ids: string[] } {
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
  return { inventory, ids }
}
