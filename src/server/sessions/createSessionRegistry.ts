import { createMemoryGatewayStore } from '../store/createMemoryGatewayStore.js'
import type { GatewayStore } from '../store/GatewayStore.js'
import type { GatewayLog } from '../gateway/types.js'
import { parseLiveSession } from './parseLiveSession.js'
import type { LiveSession, SessionRegistry } from './types.js'

const SESSION_METHODS = [
  'putSessions',
  'endSession',
  'listSessions',
  'claimLapsedSessions',
] as const
// Lapsed sessions taken per sweep; more wait for the next one.
const CLAIM_BATCH = 100

export interface SessionRegistryOptions {
  store: GatewayStore
  log: GatewayLog
  /** A session outlives its replica's last renewal by this much. */
  leaseMs: number
  /** How often lapsed sessions are looked for. Default 5 s. */
  sweepEveryMs?: number
  /** A lapsed session this replica claimed: its replica died (or lost the store) with it open. */
  onLost: (session: LiveSession) => void
}

/**
 * The sessions this replica relays, in the store where every replica sees them. One timer per
 * replica, never one per relay: it renews this replica's sessions at the slot keeper's rhythm
 * (every third of the lease, sooner after a failure) and sweeps for lapsed sessions, each of
 * which exactly one replica claims and reports. A store without the session methods (a custom
 * store written before them) gets them from this process's memory: presence then sees this
 * replica's sessions only.
 */
export function createSessionRegistry(options: SessionRegistryOptions): SessionRegistry {
  const { log, leaseMs, sweepEveryMs = 5_000, onLost } = options
  const has = SESSION_METHODS.filter((name) => typeof options.store[name] === 'function')
  if (has.length > 0 && has.length < SESSION_METHODS.length) {
    throw new Error(
      `createConsoleGateway: the store has ${has.join(', ')} but not every session method (${SESSION_METHODS.join(', ')}): implement all or none.`,
    )
  }
  let local: GatewayStore | undefined
  if (has.length === 0) {
    log(
      'warn',
      "The gateway's store has no session methods: presence shows only this replica's viewers, and sessions lost with a replica are not reported.",
    )
    local = createMemoryGatewayStore()
  }
  const store = (local ?? options.store) as Required<GatewayStore>

  const vmKey = (provider: string, vmId: string) => `${provider}:${vmId}`
  const held = new Map<string, { vm: string; session: string; value: string }>()
  // Ends the store did not take yet: tried again before each sweep, so a session that ended
  // here is never claimed as lost elsewhere once the store is back.
  const unended = new Map<string, string>()
  const renewEveryMs = leaseMs / 3
  const tickMs = Math.min(sweepEveryMs, renewEveryMs)
  let lastRenewal = 0
  let renewFailing = false
  let stopped = false
  let timer: ReturnType<typeof setTimeout> | undefined

  const warnOnce = (() => {
    let failing = false
    return (ok: boolean, message: string, error?: unknown) => {
      if (!ok && !failing) log('warn', message, { error })
      if (ok && failing) log('info', 'Keeping console sessions in the store works again.')
      failing = !ok
    }
  })()

  const tick = async () => {
    for (const [session, vm] of [...unended]) {
      await store.endSession(vm, session).then(
        () => unended.delete(session),
        () => {},
      )
    }
    if (held.size > 0 && (renewFailing || Date.now() - lastRenewal >= renewEveryMs)) {
      const started = Date.now()
      await store.putSessions([...held.values()], leaseMs).then(
        () => {
          lastRenewal = started
          renewFailing = false
          warnOnce(true, '')
        },
        (error: unknown) => {
          renewFailing = true
          warnOnce(false, 'Renewing console sessions failed; retrying.', error)
        },
      )
    }
    if (unended.size > 0) return
    let claimed: string[] = []
    try {
      claimed = await store.claimLapsedSessions(CLAIM_BATCH)
    } catch (error) {
      warnOnce(false, 'Looking for lost console sessions failed; retrying.', error)
    }
    for (const text of claimed) {
      const session = parseLiveSession(text)
      if (!session) continue
      // Our own, still open: this replica could not renew it in time. It goes back with the
      // next renewal; it was not lost.
      if (held.has(session.sessionId)) {
        renewFailing = true
        continue
      }
      try {
        onLost(session)
      } catch (error) {
        log('error', 'Reporting a lost console session failed.', { error })
      }
    }
  }
  const schedule = () => {
    if (stopped) return
    timer = setTimeout(() => void tick().finally(schedule), tickMs)
    timer.unref()
  }
  schedule()

  return {
    open(session) {
      const vm = vmKey(session.provider, session.vmId)
      const entry = { vm, session: session.sessionId, value: JSON.stringify(session) }
      held.set(session.sessionId, entry)
      store.putSessions([entry], leaseMs).catch((error: unknown) => {
        // The next tick puts it (with the others) again.
        renewFailing = true
        warnOnce(false, 'Keeping a console session in the store failed; retrying.', error)
      })
      let ended = false
      return {
        end() {
          if (ended) return
          ended = true
          held.delete(session.sessionId)
          store.endSession(vm, session.sessionId).catch(() => {
            unended.set(session.sessionId, vm)
          })
        },
      }
    },
    async list(provider, vmId) {
      const values = await store.listSessions(vmKey(provider, vmId))
      return values.flatMap((text) => parseLiveSession(text) ?? [])
    },
    stop() {
      stopped = true
      clearTimeout(timer)
      void local?.close?.()
    },
  }
}
