import { describe, expect, it } from 'vitest'
import { parseLiveSession } from './parseLiveSession.js'

const session = {
  sessionId: 's1',
  user: 'user:alice',
  provider: 'cloudtower',
  vmId: 'vm-1',
  mode: 'observe',
  replica: 'A',
  startedAt: '2026-12-07T05:00:00.000Z',
}

describe('parseLiveSession', () => {
  it('reads a session back, keeping only its known fields', () => {
    expect(parseLiveSession(JSON.stringify({ ...session, extra: 1 }))).toEqual(session)
  })

  it('keeps the client address when there is one', () => {
    expect(parseLiveSession(JSON.stringify({ ...session, address: '10.0.0.7' }))).toEqual({
      ...session,
      address: '10.0.0.7',
    })
    expect(parseLiveSession(JSON.stringify({ ...session, address: 7 }))).toEqual(session)
  })

  it('is undefined for anything else', () => {
    expect(parseLiveSession('not json')).toBeUndefined()
    expect(parseLiveSession('null')).toBeUndefined()
    expect(parseLiveSession('"text"')).toBeUndefined()
    expect(parseLiveSession(JSON.stringify({ ...session, provider: 'aws' }))).toBeUndefined()
    expect(parseLiveSession(JSON.stringify({ ...session, mode: 'admin' }))).toBeUndefined()
    expect(parseLiveSession(JSON.stringify({ ...session, user: 7 }))).toBeUndefined()
  })
})
