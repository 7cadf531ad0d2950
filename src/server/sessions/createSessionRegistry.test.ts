// The registry over a memory store shared by two "replicas" (two registries), on short leases.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createMemoryGatewayStore } from '../store/createMemoryGatewayStore.js'
import type { GatewayStore } from '../store/GatewayStore.js'
import { createSessionRegistry } from './createSessionRegistry.js'
import type { LiveSession, SessionRegistry } from './types.js'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const session = (sessionId: string, user: string, replica: string): LiveSession => ({
  sessionId,
  user,
  provider: 'cloudtower',
  vmId: 'vm-1',
  mode: 'control',
  replica,
  startedAt: new Date().toISOString(),
})

const registries: SessionRegistry[] = []
afterEach(() => {
  for (const registry of registries.splice(0)) registry.stop()
})

function replica(store: GatewayStore, onLost = vi.fn(), leaseMs = 300) {
  const log = vi.fn()
  const registry = createSessionRegistry({ store, log, leaseMs, sweepEveryMs: 50, onLost })
  registries.push(registry)
  return { registry, onLost, log }
}

describe('createSessionRegistry', () => {
  it("lists a VM's sessions from every replica, keeps them past their first lease, and drops an ended one", async () => {
    const store = createMemoryGatewayStore()
    const a = replica(store)
    const b = replica(store)
    const alice = a.registry.open(session('s-a', 'user:alice', 'A'))
    const bob = b.registry.open(session('s-b', 'user:bob', 'B'))
    await sleep(20)
    const users = async () =>
      (await a.registry.list('cloudtower', 'vm-1')).map((s) => s.user).sort()
    expect(await users()).toEqual(['user:alice', 'user:bob'])
    expect(await b.registry.list('cloudtower', 'vm-2')).toEqual([])
    expect(await b.registry.list('ecs', 'vm-1')).toEqual([])
    await sleep(800) // well past the 300 ms lease: renewed by each replica's heartbeat
    expect(await users()).toEqual(['user:alice', 'user:bob'])
    bob.end()
    bob.end()
    await sleep(20)
    expect(await users()).toEqual(['user:alice'])
    alice.end()
    await sleep(500)
    expect(a.onLost).not.toHaveBeenCalled()
    expect(b.onLost).not.toHaveBeenCalled()
  })

  it("reports a dead replica's open session exactly once, through one surviving replica", async () => {
    const store = createMemoryGatewayStore()
    const dead = replica(store)
    const survivors = [replica(store), replica(store), replica(store)]
    dead.registry.open(session('s-dead', 'user:bob', 'B'))
    const kept = survivors[0]?.registry.open(session('s-live', 'user:alice', 'A'))
    await sleep(20)
    dead.registry.stop() // no end(), no more renewals: as a SIGKILL leaves it
    await sleep(900)
    const reports = survivors.flatMap(({ onLost }) => onLost.mock.calls.map(([lost]) => lost))
    expect(reports).toEqual([expect.objectContaining({ sessionId: 's-dead', replica: 'B' })])
    expect(
      (await survivors[1]?.registry.list('cloudtower', 'vm-1'))?.map((s) => s.sessionId),
    ).toEqual(['s-live'])
    kept?.end()
  })

  it('keeps its own session when the store lost it, and never reports it as lost', async () => {
    const store = createMemoryGatewayStore()
    const a = replica(store)
    a.registry.open(session('s-1', 'user:alice', 'A'))
    await sleep(20)
    await store.endSession?.('cloudtower:vm-1', 's-1') // the store forgot it (a Redis restart)
    await sleep(300)
    expect((await a.registry.list('cloudtower', 'vm-1')).map((s) => s.sessionId)).toEqual(['s-1'])
    expect(a.onLost).not.toHaveBeenCalled()
  })

  it("keeps sessions in this process's memory when the store has no session methods", async () => {
    const memory = createMemoryGatewayStore()
    const { putSessions, endSession, listSessions, claimLapsedSessions, ...old } = memory
    void [putSessions, endSession, listSessions, claimLapsedSessions]
    const a = replica(old)
    a.registry.open(session('s-1', 'user:alice', 'A'))
    expect((await a.registry.list('cloudtower', 'vm-1')).map((s) => s.user)).toEqual(['user:alice'])
    expect(a.log).toHaveBeenCalledWith('warn', expect.stringContaining('no session methods'))
    expect(await memory.listSessions?.('cloudtower:vm-1')).toEqual([])
  })

  it('refuses a store with only some of the session methods', () => {
    const { claimLapsedSessions: _, ...partial } = createMemoryGatewayStore()
    expect(() =>
      createSessionRegistry({ store: partial, log: () => {}, leaseMs: 300, onLost: () => {} }),
    ).toThrow(/not every session method/)
  })

  it('tries an end the store refused again, so the ended session is never reported lost', async () => {
    const store = createMemoryGatewayStore()
    let refusals = 0
    const flaky: GatewayStore = {
      ...store,
      endSession: (vm, id) =>
        refusals++ === 0
          ? Promise.reject(new Error('a blip'))
          : (store.endSession?.(vm, id) ?? Promise.resolve()),
    }
    const a = replica(flaky)
    const b = replica(store)
    a.registry.open(session('s-1', 'user:alice', 'A')).end()
    await sleep(800) // well past the lease: b would claim it had it stayed
    expect(refusals).toBeGreaterThanOrEqual(2)
    expect(b.onLost).not.toHaveBeenCalled()
    expect(await store.listSessions?.('cloudtower:vm-1')).toEqual([])
  })
})
