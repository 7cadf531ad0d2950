import { describe, expect, it } from 'vitest'
import { ConsoleError, type ConsoleErrorKind } from './ConsoleError.js'
import { errorKinds } from './errorKinds.js'

const error = (kind: ConsoleErrorKind) => new ConsoleError({ kind, provider: 'vnc', message: '' })

describe('errorKinds', () => {
  it('knows its own kinds, and nothing else', () => {
    expect(errorKinds.has('vnc_security')).toBe(true)
    expect(errorKinds.has('conflict')).toBe(true)
    for (const other of ['toString', 'constructor', '__proto__', 'NOT_FOUND', '', 0, null]) {
      expect(errorKinds.has(other)).toBe(false)
    }
  })

  it('marks transient kinds retryable', () => {
    expect(errorKinds.retryable('network')).toBe(true)
    expect(errorKinds.retryable('vnc_disconnected')).toBe(true)
    expect(errorKinds.retryable('conflict')).toBe(false)
    expect(errorKinds.retryable('unauthorized')).toBe(false)
  })

  it('marks kinds a console stops at as final', () => {
    expect(errorKinds.final('unauthorized')).toBe(true)
    expect(errorKinds.final('vnc_security')).toBe(true)
    expect(errorKinds.final('conflict')).toBe(false)
    expect(errorKinds.final('network')).toBe(false)
  })

  // Was retryHelps.test.ts (the overlay's Retry button), assertions unchanged.
  it('offers Retry for transient failures, not for refused tokens or bad input', () => {
    expect(errorKinds.retryHelps(error('network'))).toBe(true)
    expect(errorKinds.retryHelps(error('vnc_disconnected'))).toBe(true)
    expect(errorKinds.retryHelps(error('conflict'))).toBe(true)
    expect(errorKinds.retryHelps(error('vnc_security'))).toBe(true)
    expect(errorKinds.retryHelps(error('unauthorized'))).toBe(false)
    expect(errorKinds.retryHelps(error('forbidden'))).toBe(false)
    expect(errorKinds.retryHelps(error('not_found'))).toBe(false)
    expect(errorKinds.retryHelps(error('invalid_input'))).toBe(false)
  })

  // Was statusForKind (the gateway), assertions unchanged.
  it('maps kinds to the HTTP status the gateway answers', () => {
    expect(errorKinds.httpStatus('forbidden')).toBe(403)
    expect(errorKinds.httpStatus('rate_limited')).toBe(429)
    expect(errorKinds.httpStatus('timeout')).toBe(504)
    expect(errorKinds.httpStatus('network')).toBe(502)
  })

  it('treats a kind from a newer copy of the package as the safe default', () => {
    const unknown = 'vm_on_fire' as ConsoleErrorKind
    expect(errorKinds.retryable(unknown)).toBe(false)
    expect(errorKinds.final(unknown)).toBe(false)
    expect(errorKinds.retryHelps({ kind: unknown, retryable: false })).toBe(false)
    expect(errorKinds.httpStatus(unknown)).toBe(500)
  })
})
