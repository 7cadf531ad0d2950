import { describe, expect, it } from 'vitest'
import { createTokenStore } from './createTokenStore.ts'
import { resolveConsoleUpgrade } from './resolveConsoleUpgrade.ts'

const RAW = '1a2bc3d4567e89f0a1b2c3d4e5f6a7b8'
const TOKEN = 'MTIzNDU2Nzg5YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXo+/w=='
const UUID = '00000000-0000-0000-0000-000000000000'

function setup() {
  const store = createTokenStore(() => 0)
  store.issue([RAW, TOKEN], {
    provider: 'cloudtower',
    resourceId: 'vm-1',
    vnc: '127.0.0.1:5900',
    vmUuid: UUID,
    hostIp: '192.168.5.4',
    expiresAt: 1,
  })
  store.issue(['0fda3eca-8232-4249-a1b2-c3d4e5f6a7b8'], {
    provider: 'ecs',
    resourceId: 's-1',
    vnc: '127.0.0.1:5901',
    expiresAt: 1,
  })
  return store
}

const url = (path: string) => new URL(path, 'http://127.0.0.1:1')

describe('resolveConsoleUpgrade', () => {
  it('accepts the direct form with raw_token', () => {
    const decision = resolveConsoleUpgrade(
      url(`/websockify/?uuid=${UUID}&token=${RAW}&host=192.168.5.4`),
      setup(),
      false,
    )
    expect(decision).toMatchObject({ ok: true, credential: { resourceId: 'vm-1' } })
  })

  it('accepts the proxy form with the URL-encoded base64 token', () => {
    const decision = resolveConsoleUpgrade(
      url(`/websockify/?token=${encodeURIComponent(TOKEN)}&host=192.168.5.4&uuid=${UUID}`),
      setup(),
      false,
    )
    expect(decision.ok).toBe(true)
  })

  it('refuses an unescaped base64 token, since + decodes to a space', () => {
    const decision = resolveConsoleUpgrade(
      url(`/websockify/?token=${TOKEN}&host=192.168.5.4&uuid=${UUID}`),
      setup(),
      false,
    )
    expect(decision).toMatchObject({ ok: false, status: 403, reason: 'token unknown' })
  })

  it.each([
    [`/websockify/?uuid=other&token=${RAW}&host=192.168.5.4`, 403, /uuid/],
    [`/websockify/?uuid=${UUID}&token=${RAW}&host=10.0.0.1`, 403, /host/],
    [`/elsewhere/?uuid=${UUID}&token=${RAW}&host=192.168.5.4`, 404, /no console/],
    [`/websockify/?uuid=${UUID}&host=192.168.5.4`, 403, /missing token/],
    [`/websockify/?uuid=${UUID}&token=ffff&host=192.168.5.4`, 403, /unknown/],
  ])('refuses %s', (path, status, reason) => {
    const decision = resolveConsoleUpgrade(url(path), setup(), false)
    expect(decision).toMatchObject({ ok: false, status, reason: expect.stringMatching(reason) })
  })

  it('accepts ECS tokens on /websockify and on any other path, like Nova', () => {
    const store = setup()
    const token = '0fda3eca-8232-4249-a1b2-c3d4e5f6a7b8'
    expect(resolveConsoleUpgrade(url(`/websockify?token=${token}`), store, false).ok).toBe(true)
    expect(resolveConsoleUpgrade(url(`/?token=${token}`), store, false).ok).toBe(true)
  })

  it('refuses everything while the rejectTokens fault is on', () => {
    const decision = resolveConsoleUpgrade(
      url(`/websockify/?uuid=${UUID}&token=${RAW}&host=192.168.5.4`),
      setup(),
      true,
    )
    expect(decision).toMatchObject({ ok: false, status: 403 })
  })
})
