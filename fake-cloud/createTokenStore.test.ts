import { describe, expect, it } from 'vitest'
import { createTokenStore } from './createTokenStore.ts'

const credential = (expiresAt: number) => ({
  provider: 'cloudtower' as const,
  resourceId: 'vm-1',
  vnc: '127.0.0.1:5900',
  vmUuid: 'u',
  hostIp: 'h',
  expiresAt,
})

describe('createTokenStore', () => {
  it('spends both spellings of a credential at once', () => {
    const store = createTokenStore(() => 0)
    store.issue(['raw', 'b64='], credential(10))
    const found = store.find('b64=')
    expect(found.ok).toBe(true)
    if (found.ok) store.redeem(found.credential)
    expect(store.find('raw')).toEqual({ ok: false, reason: 'redeemed' })
    expect(store.find('b64=')).toEqual({ ok: false, reason: 'redeemed' })
  })

  it('tells unknown and expired tokens apart, and sweeps expired ones on issue', () => {
    let t = 0
    const store = createTokenStore(() => t)
    store.issue(['a'], credential(10))
    expect(store.find('nope')).toEqual({ ok: false, reason: 'unknown' })
    t = 10
    expect(store.find('a')).toEqual({ ok: false, reason: 'expired' })
    store.issue(['b'], credential(20))
    expect(store.find('a')).toEqual({ ok: false, reason: 'unknown' })
    expect(store.size).toBe(1)
  })
})
