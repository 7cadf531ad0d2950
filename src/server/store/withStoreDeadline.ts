import { ConsoleError } from '../../core/errors/ConsoleError.js'
import type { GatewayStore } from './GatewayStore.js'

/**
 * The store with a deadline on every call. A Redis client queues commands while its server is
 * gone (node-redis forever, ioredis for its retries), so without one a request waits as long as
 * Redis is away. A call that fails or misses the deadline rejects with a retryable ConsoleError
 * (`code` `service_unavailable`: the gateway answers 503); the command itself may still run later, which every caller allows
 * for (leases and TTLs end what it leaves behind).
 */
export function withStoreDeadline(
  store: GatewayStore,
  timeoutMs: number,
  onUnavailable: () => void = () => {},
): GatewayStore {
  const bounded =
    <A extends unknown[], R>(what: string, call: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> =>
      new Promise<R>((resolve, reject) => {
        let settled = false
        const unavailable = (cause: unknown) => {
          if (settled) return
          settled = true
          onUnavailable()
          reject(
            new ConsoleError({
              kind: 'server',
              provider: 'vnc',
              code: 'service_unavailable',
              retryable: true,
              message: `The console gateway's store did not answer (${what}).`,
              cause,
            }),
          )
        }
        const timer = setTimeout(unavailable, timeoutMs, new Error(`no answer in ${timeoutMs} ms`))
        let pending: Promise<R>
        try {
          pending = call.apply(store, args)
        } catch (error) {
          pending = Promise.reject(error)
        }
        // Whichever comes first settles it; a late rejection is handled, and reported no more.
        pending
          .then((value) => {
            settled = true
            resolve(value)
          }, unavailable)
          .finally(() => clearTimeout(timer))
      })
  return {
    putTicket: bounded('putTicket', store.putTicket),
    takeTicket: bounded('takeTicket', store.takeTicket),
    hit: bounded('hit', store.hit),
    acquireSlot: bounded('acquireSlot', store.acquireSlot),
    renewSlots: bounded('renewSlots', store.renewSlots),
    releaseSlot: bounded('releaseSlot', store.releaseSlot),
    ...(store.putSessions && { putSessions: bounded('putSessions', store.putSessions) }),
    ...(store.endSession && { endSession: bounded('endSession', store.endSession) }),
    ...(store.listSessions && { listSessions: bounded('listSessions', store.listSessions) }),
    ...(store.claimLapsedSessions && {
      claimLapsedSessions: bounded('claimLapsedSessions', store.claimLapsedSessions),
    }),
    ...(store.close && { close: bounded('close', store.close) }),
  }
}
