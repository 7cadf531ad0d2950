import { expect, it } from 'vitest'
import { ConsoleError } from '../../../core/errors/ConsoleError.js'
import { retryHelps } from './retryHelps.js'

const error = (kind: ConsoleError['kind']) =>
  new ConsoleError({ kind, provider: 'vnc', message: '' })

it('offers Retry for transient failures, not for refused tokens or bad input', () => {
  expect(retryHelps(error('network'))).toBe(true)
  expect(retryHelps(error('vnc_disconnected'))).toBe(true)
  expect(retryHelps(error('conflict'))).toBe(true)
  expect(retryHelps(error('vnc_security'))).toBe(true)
  expect(retryHelps(error('unauthorized'))).toBe(false)
  expect(retryHelps(error('forbidden'))).toBe(false)
  expect(retryHelps(error('not_found'))).toBe(false)
  expect(retryHelps(error('invalid_input'))).toBe(false)
})
