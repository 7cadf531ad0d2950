import { describe, expect, it } from 'vitest'
import type { LiveSession } from '../sessions/types.js'
import { presenceViewers } from './presenceViewers.js'

const at = (minute: number) => `2026-12-07T05:${String(minute).padStart(2, '0')}:00.000Z`
const session = (
  user: string,
  minute: number,
  mode: LiveSession['mode'] = 'control',
): LiveSession => ({
  sessionId: `${user}-${minute}`,
  user,
  provider: 'cloudtower',
  vmId: 'vm-1',
  mode,
  replica: 'A',
  startedAt: at(minute),
})

describe('presenceViewers', () => {
  it('lists the other users once each, oldest first, without the asking user', () => {
    expect(
      presenceViewers(
        [
          session('user:bob', 5, 'observe'),
          session('user:me', 1),
          session('user:alice', 3),
          session('user:bob', 2, 'observe'),
          session('user:me', 0),
        ],
        'user:me',
      ),
    ).toEqual([
      { user: 'bob', mode: 'observe', since: at(2) },
      { user: 'alice', mode: 'control', since: at(3) },
    ])
  })

  it('is in control when any of the user’s consoles is', () => {
    expect(
      presenceViewers([session('user:bob', 1, 'observe'), session('user:bob', 4)], 'user:me'),
    ).toEqual([{ user: 'bob', mode: 'control', since: at(1) }])
  })

  it('never shows a client address: users allowed by address are anonymous, each apart', () => {
    const viewers = presenceViewers(
      [session('address:10.0.0.7', 1), session('address:10.0.0.8', 2, 'observe')],
      'address:10.0.0.9',
    )
    expect(viewers).toEqual([
      { user: 'anonymous', mode: 'control', since: at(1) },
      { user: 'anonymous', mode: 'observe', since: at(2) },
    ])
    expect(JSON.stringify(viewers)).not.toContain('10.0.0')
  })

  it('is empty when the asking user is alone', () => {
    expect(presenceViewers([session('user:me', 1)], 'user:me')).toEqual([])
    expect(presenceViewers([], 'user:me')).toEqual([])
  })
})
