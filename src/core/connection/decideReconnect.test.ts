import { describe, expect, it } from 'vitest'
import { ConsoleError } from '../ConsoleError.js'
import { decideReconnect } from './decideReconnect.js'

const error = (kind: ConsoleError['kind'], retryable?: boolean) =>
  new ConsoleError({
    kind,
    provider: 'vnc',
    message: kind,
    ...(retryable !== undefined && { retryable }),
  })
const half = () => 0.5 // no jitter

describe('decideReconnect', () => {
  it('retries transient errors with exponential backoff up to maxAttempts', () => {
    const dropped = error('vnc_disconnected')
    expect(decideReconnect(dropped, 0, true, half)).toEqual({
      retry: true,
      attempt: 1,
      delayMs: 1_000,
    })
    expect(decideReconnect(dropped, 1, undefined, half)).toEqual({
      retry: true,
      attempt: 2,
      delayMs: 2_000,
    })
    expect(decideReconnect(dropped, 4, true, half)).toEqual({
      retry: true,
      attempt: 5,
      delayMs: 16_000,
    })
    expect(decideReconnect(dropped, 5, true, half)).toEqual({ retry: false })
    expect(decideReconnect(dropped, 1, { maxAttempts: 2, baseDelayMs: 10 }, half)).toEqual({
      retry: true,
      attempt: 2,
      delayMs: 20,
    })
    expect(decideReconnect(dropped, 2, { maxAttempts: 2 }, half)).toEqual({ retry: false })
  })

  it('never retries with reconnect={false}', () => {
    expect(decideReconnect(error('network'), 0, false)).toEqual({ retry: false })
  })

  it('never retries what retrying cannot fix, whatever its retryable flag says', () => {
    for (const kind of [
      'unauthorized',
      'forbidden',
      'not_found',
      'invalid_input',
      'invalid_response',
      'vnc_security',
    ] as const)
      expect(decideReconnect(error(kind, true), 0, true)).toEqual({ retry: false })
    expect(decideReconnect(error('vnc_disconnected', false), 0, true)).toEqual({ retry: false })
    expect(decideReconnect(error('conflict'), 0, true)).toEqual({ retry: false })
    expect(decideReconnect(error('server'), 0, true).retry).toBe(true)
  })
})
