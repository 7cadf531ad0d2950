import type { ConsoleStatus, ConsoleStatusEvent } from './types.js'

/** A console that has not started: where every viewer begins and `reset` returns to. */
export const IDLE_STATUS: ConsoleStatus = {
  state: 'idle',
  attempt: 0,
  capabilities: { power: false },
}

/**
 * The next status after `event`. Each state carries only the fields that describe it: a retry
 * countdown (`nextRetryAt`) only while `disconnected` waits for one, an `error` only there and in
 * `error`, `credentialsRequired` only while a socket is up. Returns `status` itself when nothing
 * changes, so a store can skip the update.
 */
export function consoleStatusReducer(
  status: ConsoleStatus,
  event: ConsoleStatusEvent,
): ConsoleStatus {
  const { nextRetryAt: _retry, error: _error, credentialsRequired: _asked, ...kept } = status
  let next: ConsoleStatus
  switch (event.type) {
    case 'start':
      // A retry keeps counting attempts; the drop it follows is history now.
      next = { ...kept, state: event.fetching ? 'fetching' : 'connecting' }
      break
    case 'urlReady':
      if (status.state !== 'fetching') return status
      next = { ...kept, state: 'connecting' }
      break
    case 'connected':
      next = { ...kept, state: 'connected', attempt: 0 }
      break
    case 'dropped':
      next = {
        ...kept,
        state: 'disconnected',
        attempt: event.attempt,
        nextRetryAt: event.nextRetryAt,
        error: event.error,
      }
      break
    case 'failed':
      next = { ...kept, state: 'error', error: event.error }
      break
    case 'userDisconnected':
      next = { ...kept, state: 'disconnected', attempt: 0 }
      break
    case 'reset': {
      const { vmState: _vm, ...rest } = kept
      next = { ...rest, state: 'idle', attempt: 0 }
      break
    }
    case 'vmState':
      next = event.hold
        ? { ...kept, state: 'disconnected', attempt: 0, vmState: event.vmState }
        : { ...status, vmState: event.vmState }
      break
    case 'server': {
      const { type: _type, ...patch } = event
      next = { ...status, ...patch }
      if (!next.credentialsRequired) delete next.credentialsRequired
      break
    }
  }
  return sameStatus(status, next) ? status : next
}

function sameStatus(a: ConsoleStatus, b: ConsoleStatus): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof ConsoleStatus)[])
  for (const key of keys) {
    if (
      key === 'capabilities'
        ? a.capabilities.power !== b.capabilities.power || a.capabilities.xvp !== b.capabilities.xvp
        : a[key] !== b[key]
    )
      return false
  }
  return true
}
