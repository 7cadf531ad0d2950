import { connect } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { defaultInventory } from './defaultInventory.ts'
import { parseHostPort } from './parseHostPort.ts'
import { RfbHandshakeError } from './rfb/RfbHandshakeError.ts'
import { RfbTestClient } from './rfb/RfbTestClient.ts'
import { startBuiltInVnc } from './startBuiltInVnc.ts'
import type { BuiltInVnc } from './startBuiltInVnc.ts'

const started: BuiltInVnc[] = []
afterEach(async () => {
  for (const vnc of started.splice(0)) await vnc.close()
})

async function start(passwords: Record<string, string> = {}) {
  const inventory = defaultInventory()
  const vnc = await startBuiltInVnc(inventory, { passwordFor: (id) => passwords[id] })
  started.push(vnc)
  return { inventory, vnc }
}

const refused = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(false)
    })
    socket.once('error', () => resolve(true))
  })

describe('startBuiltInVnc', () => {
  it('serves one named screen per VM and ECS server and points their targets at it', async () => {
    const { inventory, vnc } = await start()
    const ids = [
      ...inventory.cloudTower.vms.map((vm) => vm.id),
      ...inventory.ecs.servers.map((server) => server.serverId),
    ]
    expect([...vnc.servers.keys()]).toEqual(ids)
    const targets = [...inventory.cloudTower.vms, ...inventory.ecs.servers].map((m) => m.vnc)
    expect(new Set(targets).size).toBe(ids.length)

    const [ubuntu, windows] = inventory.cloudTower.vms
    const sizes = new Set<string>()
    for (const vm of [ubuntu, windows]) {
      if (!vm) throw new Error('inventory changed')
      const { host, port } = parseHostPort(vm.vnc)
      expect(host).toBe('127.0.0.1')
      const client = await RfbTestClient.connectTcp(port)
      const init = await client.handshake()
      expect(init.name).toBe(vm.name)
      sizes.add(`${init.width}x${init.height}`)
      client.close()
    }
    expect(sizes).toEqual(new Set(['1024x768', '800x600']))
    const server = vnc.servers.get('vm-ubuntu-01')
    expect(server?.settings).toMatchObject({ xvp: true, qemuKeys: true, password: undefined })
  })

  it('asks new sessions for the password passwordFor gives at connect time', async () => {
    const passwords: Record<string, string> = { 'vm-windows-01': 'secret' }
    const { inventory, vnc } = await start(passwords)
    const port = (id: string) =>
      parseHostPort(inventory.cloudTower.vms.find((vm) => vm.id === id)?.vnc ?? '').port

    const windows = await RfbTestClient.connectTcp(port('vm-windows-01'))
    await expect(windows.handshake({ password: 'wrong' })).rejects.toBeInstanceOf(RfbHandshakeError)
    const ok = await RfbTestClient.connectTcp(port('vm-windows-01'))
    expect((await ok.handshake({ password: 'secret' })).securityTypes).toEqual([2])
    ok.close()

    // Read again for every session, even without refreshPasswords().
    passwords['vm-ubuntu-01'] = 'later'
    const ubuntu = await RfbTestClient.connectTcp(port('vm-ubuntu-01'))
    expect((await ubuntu.handshake({ password: 'later' })).securityTypes).toEqual([2])
    ubuntu.close()

    delete passwords['vm-ubuntu-01']
    vnc.refreshPasswords()
    expect(vnc.servers.get('vm-ubuntu-01')?.settings.password).toBeUndefined()
  })

  it('close() ends sessions and stops listening', async () => {
    const { inventory, vnc } = await start()
    const { port } = parseHostPort(inventory.cloudTower.vms[0]?.vnc ?? '')
    const client = await RfbTestClient.connectTcp(port)
    await client.handshake()
    await vnc.close()
    await client.closed
    expect(await refused(port)).toBe(true)
    for (const server of vnc.servers.values()) expect(server.sessions).toEqual([])
    await vnc.close() // idempotent
  })
})
