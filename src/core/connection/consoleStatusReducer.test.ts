import { describe, expect, it } from 'vitest'
import { ConsoleError } from '../errors/ConsoleError.js'
import { consoleStatusReducer, IDLE_STATUS } from './consoleStatusReducer.js'
import type { ConsoleState, ConsoleStatus, ConsoleStatusEvent } from './types.js'

const lost = new ConsoleError({ kind: 'vnc_disconnected', provider: 'vnc', message: 'lost' })
const denied = new ConsoleError({ kind: 'forbidden', provider: 'ecs', message: 'no' })

// One status of each state, carrying every field that state may have (and some it may not, as
// a buggy earlier step might have left them), so each event shows what it clears.
const FROM: Record<ConsoleState, ConsoleStatus> = {
  idle: IDLE_STATUS,
  fetching: { state: 'fetching', attempt: 2, capabilities: { power: false } },
  connecting: {
    state: 'connecting',
    attempt: 2,
    credentialsRequired: true,
    capabilities: { power: false },
  },
  connected: {
    state: 'connected',
    attempt: 0,
    desktopName: 'vm',
    credentialsRequired: true,
    capabilities: { power: true },
  },
  disconnected: {
    state: 'disconnected',
    attempt: 2,
    nextRetryAt: 5_000,
    error: lost,
    capabilities: { power: true },
  },
  error: { state: 'error', attempt: 3, error: denied, capabilities: { power: false } },
}
const EVENTS: ConsoleStatusEvent[] = [
  { type: 'start', fetching: true },
  { type: 'start', fetching: false },
  { type: 'urlReady' },
  { type: 'connected' },
  { type: 'dropped', error: lost, attempt: 3, nextRetryAt: 9_000 },
  { type: 'failed', error: denied },
  { type: 'userDisconnected' },
  { type: 'reset' },
  { type: 'vmState', vmState: 'stopped', hold: true },
  { type: 'vmState', vmState: 'restarting', hold: false },
]

/** The README's contract: which fields each state may carry. */
function expectDocumentedShape(status: ConsoleStatus) {
  const pendingRetry = status.state === 'disconnected' && status.nextRetryAt !== undefined
  if (status.state !== 'disconnected') expect(status.nextRetryAt).toBeUndefined()
  if (status.state === 'error') expect(status.error).toBeDefined()
  else if (!pendingRetry) expect(status.error).toBeUndefined()
  if (pendingRetry) expect(status.error).toBeDefined()
  if (status.state === 'connected' || status.state === 'idle') expect(status.attempt).toBe(0)
  if (!['connecting', 'connected'].includes(status.state))
    expect(status.credentialsRequired).toBeUndefined()
}

describe('consoleStatusReducer', () => {
  for (const [state, from] of Object.entries(FROM)) {
    for (const event of EVENTS) {
      it(`${state} + ${event.type}${'fetching' in event ? `(${event.fetching})` : ''} keeps the documented shape`, () => {
        expectDocumentedShape(consoleStatusReducer(from, event))
      })
    }
  }

  it('starting a retry clears the countdown and the old error, and keeps the attempt count', () => {
    const next = consoleStatusReducer(FROM.disconnected, { type: 'start', fetching: true })
    expect(next).toEqual({ state: 'fetching', attempt: 2, capabilities: { power: true } })
    expect('nextRetryAt' in next || 'error' in next).toBe(false)
  })

  it('walks a whole life: fetch, connect, drop, retry, give up, reset', () => {
    let status = IDLE_STATUS
    const step = (event: ConsoleStatusEvent) => (status = consoleStatusReducer(status, event))
    step({ type: 'start', fetching: true })
    expect(status.state).toBe('fetching')
    step({ type: 'urlReady' })
    expect(status.state).toBe('connecting')
    step({ type: 'server', credentialsRequired: true })
    expect(status.credentialsRequired).toBe(true)
    step({ type: 'connected' })
    expect(status).toEqual({ state: 'connected', attempt: 0, capabilities: { power: false } })
    step({ type: 'server', desktopName: 'web-01', capabilities: { power: true } })
    step({ type: 'dropped', error: lost, attempt: 1, nextRetryAt: 1_234 })
    expect(status).toMatchObject({
      state: 'disconnected',
      attempt: 1,
      nextRetryAt: 1_234,
      error: lost,
    })
    expect(status.desktopName).toBe('web-01')
    step({ type: 'start', fetching: false })
    expect(status).toEqual({
      state: 'connecting',
      attempt: 1,
      desktopName: 'web-01',
      capabilities: { power: true },
    })
    step({ type: 'failed', error: denied })
    expect(status).toMatchObject({ state: 'error', attempt: 1, error: denied })
    step({ type: 'reset' })
    expect(status).toMatchObject({ state: 'idle', attempt: 0 })
    expect(status.error).toBeUndefined()
  })

  it('a user disconnect keeps no countdown, error or attempt count', () => {
    expect(consoleStatusReducer(FROM.disconnected, { type: 'userDisconnected' })).toEqual({
      state: 'disconnected',
      attempt: 0,
      capabilities: { power: true },
    })
  })

  it('returns the same object when nothing changes', () => {
    expect(consoleStatusReducer(FROM.connecting, { type: 'urlReady' })).toBe(FROM.connecting)
    expect(consoleStatusReducer(IDLE_STATUS, { type: 'reset' })).toBe(IDLE_STATUS)
    expect(
      consoleStatusReducer(FROM.connected, { type: 'server', capabilities: { power: true } }),
    ).toBe(FROM.connected)
  })

  it('urlReady only moves a fetching console', () => {
    expect(consoleStatusReducer(FROM.fetching, { type: 'urlReady' }).state).toBe('connecting')
    expect(consoleStatusReducer(FROM.idle, { type: 'urlReady' })).toBe(FROM.idle)
  })

  it('holds a console for a VM that is off: disconnected, no countdown, no error, no attempt', () => {
    const next = consoleStatusReducer(FROM.fetching, {
      type: 'vmState',
      vmState: 'stopped',
      hold: true,
    })
    expect(next).toEqual({
      state: 'disconnected',
      attempt: 0,
      vmState: 'stopped',
      capabilities: { power: false },
    })
  })

  it('notes the VM state without holding a live console, and forgets it on reset', () => {
    const live = consoleStatusReducer(FROM.connected, {
      type: 'vmState',
      vmState: 'restarting',
      hold: false,
    })
    expect(live).toEqual({ ...FROM.connected, vmState: 'restarting' })
    expect(consoleStatusReducer(live, { type: 'reset' }).vmState).toBeUndefined()
  })
})
