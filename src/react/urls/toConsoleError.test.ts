import { expect, it } from 'vitest'
import { ConsoleError } from '../../core/errors/ConsoleError.js'
import { toConsoleError } from './toConsoleError.js'

it('keeps ConsoleErrors, maps aborts, and wraps the rest as retryable network errors', () => {
  const own = new ConsoleError({ kind: 'forbidden', provider: 'ecs', message: 'x' })
  expect(toConsoleError(own, 'vnc')).toBe(own)
  expect(toConsoleError(new DOMException('stop', 'AbortError'), 'vnc').kind).toBe('aborted')
  const wrapped = toConsoleError(new Error('wss://h/?token=abc failed'), 'vnc')
  expect(wrapped).toMatchObject({ kind: 'network', retryable: true, provider: 'vnc' })
  expect(wrapped.message).not.toContain('abc')
  expect(toConsoleError('plain', 'vnc').message).toContain('plain')
})
