import { describe, expect, it } from 'vitest'
import { lostSessionEnd } from './lostSessionEnd.js'
import type { LiveSession } from './types.js'

const session: LiveSession = {
  sessionId: 's1',
  user: 'user:bob',
  provider: 'ecs',
  vmId: 'srv-1',
  mode: 'observe',
  replica: 'B',
  startedAt: '2026-12-07T05:00:00.000Z',
  address: '10.0.0.7',
}

describe('lostSessionEnd', () => {
  it('is a session.end closed by no one known, named like the session.start was', () => {
    expect(lostSessionEnd(session, Date.parse('2026-12-07T05:01:30.000Z'))).toEqual({
      type: 'session.end',
      sessionId: 's1',
      user: 'bob',
      provider: 'ecs',
      vmId: 'srv-1',
      address: '10.0.0.7',
      mode: 'observe',
      durationMs: 90_000,
      bytesToBrowser: 0,
      bytesToConsole: 0,
      closeCode: null,
      closedBy: 'unknown',
      reason: 'replica B lost',
    })
  })

  it('keeps an address-only user as the audit names it, and survives a bad start time', () => {
    const { address: _, ...noAddress } = session
    const event = lostSessionEnd({ ...noAddress, user: 'address:10.0.0.9', startedAt: 'x' }, 5)
    expect(event).toMatchObject({ user: 'address:10.0.0.9', durationMs: 0 })
    expect('address' in event).toBe(false)
  })
})
