import { describe, expect, it } from 'vitest'
import { defaultInventory } from './defaultInventory.ts'
import { parseHostPort } from './parseHostPort.ts'

describe('defaultInventory', () => {
  it('returns a fresh copy each time', () => {
    const a = defaultInventory()
    a.cloudTower.vms.pop()
    expect(defaultInventory().cloudTower.vms).toHaveLength(3)
  })

  it('has unique ids, valid targets and the seed examples', () => {
    const inventory = defaultInventory('127.0.0.1:5999')
    const ids = [
      ...inventory.cloudTower.vms.map((vm) => vm.id),
      ...inventory.ecs.servers.map((server) => server.serverId),
    ]
    expect(new Set(ids).size).toBe(ids.length)
    for (const vm of inventory.cloudTower.vms) expect(parseHostPort(vm.vnc).port).toBe(5999)
    expect(inventory.cloudTower.vms[0]?.uuid).toBe('00000000-0000-0000-0000-000000000000')
    expect(inventory.ecs.servers[0]?.serverId).toBe('47bc79ae-df61-4ade-9197-283a74e5d70e')
    expect(inventory.ecs.tokens[0]?.projectId).toBe(inventory.ecs.servers[0]?.projectId)
  })
})
