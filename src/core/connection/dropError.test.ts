import { describe, expect, it } from 'vitest'
import { dropError, EARLY_CLOSES_BEFORE_GIVING_UP } from './dropError.js'

describe('dropError', () => {
  it('calls a dropped live session "connection lost", whatever the phase', () => {
    expect(dropError(true, 'rfb', 0)).toMatchObject({
      kind: 'vnc_disconnected',
      code: 'connection_lost',
      retryable: true,
    })
  })
  it('says the console proxy cannot be reached when the socket never opened', () => {
    const error = dropError(false, 'unopened', 0)
    expect(error).toMatchObject({ code: 'proxy_unreachable', retryable: true })
    expect(error.message).toMatch(/could not reach the console proxy/i)
  })
  it('retries one close before the first RFB byte, then calls it a refusal and stops', () => {
    expect(dropError(false, 'silent', 1)).toMatchObject({
      code: 'proxy_closed_early',
      retryable: true,
    })
    const final = dropError(false, 'silent', EARLY_CLOSES_BEFORE_GIVING_UP)
    expect(final).toMatchObject({ code: 'proxy_closed_early', retryable: false })
    expect(final.message).toMatch(/origin or host/)
    expect(final.message).toMatch(/new window/)
    expect(final.message).toMatch(/gateway/)
  })
  it('calls a handshake that broke off a failed connection', () => {
    expect(dropError(false, 'rfb', 0)).toMatchObject({ code: 'connect_failed', retryable: true })
  })
})
