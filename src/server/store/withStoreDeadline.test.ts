import { describe, expect, it } from 'vitest'
import { ConsoleError } from '../../core/errors/ConsoleError.js'
import { createMemoryGatewayStore } from './createMemoryGatewayStore.js'
import type { GatewayStore } from './GatewayStore.js'
import { withStoreDeadline } from './withStoreDeadline.js'

const never = () => new Promise<never>(() => {})

describe('withStoreDeadline', () => {
  it('passes answers through', async () => {
    const store = withStoreDeadline(createMemoryGatewayStore(), 1_000)
    await store.putTicket('k', 'v', 1_000)
    expect(await store.takeTicket('k')).toBe('v')
    expect(await store.acquireSlot('g', 's', 1, 1_000)).toBe(true)
    await store.close?.()
  })

  it('bounds the session methods when the store has them, and adds none when it has not', async () => {
    const memory = createMemoryGatewayStore()
    const store = withStoreDeadline(memory, 1_000)
    await store.putSessions?.([{ vm: 'vm', session: 's', value: 'v' }], 1_000)
    expect(await store.listSessions?.('vm')).toEqual(['v'])
    expect(await store.claimLapsedSessions?.(10)).toEqual([])
    await store.endSession?.('vm', 's')
    expect(await memory.listSessions?.('vm')).toEqual([])
    const hung = withStoreDeadline({ ...memory, listSessions: never }, 50)
    await expect(hung.listSessions?.('vm')).rejects.toMatchObject({ code: 'service_unavailable' })
    const { putSessions, endSession, listSessions, claimLapsedSessions, ...old } = memory
    void [putSessions, endSession, listSessions, claimLapsedSessions]
    expect(
      Object.keys(withStoreDeadline(old, 1_000)).filter((name) => /Session/.test(name)),
    ).toEqual([])
    await memory.close?.()
  })

  it('turns a hang, a rejection and a throw into a retryable service_unavailable', async () => {
    const late: { reject?: (error: Error) => void } = {}
    const broken: GatewayStore = {
      putTicket: never,
      takeTicket: () => new Promise((_, reject) => (late.reject = reject)),
      hit: () => Promise.reject(new Error('ECONNREFUSED')),
      acquireSlot: () => {
        throw new Error('client closed')
      },
      renewSlots: never,
      releaseSlot: never,
    }
    let noticed = 0
    const store = withStoreDeadline(broken, 50, () => noticed++)
    const started = Date.now()
    const failures = await Promise.allSettled([
      store.putTicket('k', 'v', 1),
      store.takeTicket('k'),
      store.hit('k', 1, 1),
      store.acquireSlot('g', 's', 1, 1),
    ])
    expect(Date.now() - started).toBeLessThan(1_000)
    for (const failure of failures) {
      expect(failure.status).toBe('rejected')
      const error = (failure as PromiseRejectedResult).reason as unknown
      expect(ConsoleError.is(error)).toBe(true)
      expect(error).toMatchObject({ kind: 'server', code: 'service_unavailable', retryable: true })
    }
    expect(noticed).toBe(4)
    // The command failing after its deadline is no unhandled rejection, and no second notice.
    late.reject?.(new Error('too late'))
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(noticed).toBe(4)
    expect(store.close).toBeUndefined()
  })
})
