import { describe, expect, it } from 'vitest'
import { ConsoleError, type ConsoleErrorKind } from './ConsoleError.js'

describe('ConsoleError', () => {
  it('is an Error with a name, kind, provider, status and code', () => {
    const error = new ConsoleError({
      kind: 'not_found',
      provider: 'ecs',
      message: 'gone',
      status: 404,
      code: 'Ecs.0114',
    })
    expect(error).toBeInstanceOf(Error)
    expect(error).toMatchObject({
      name: 'ConsoleError',
      kind: 'not_found',
      provider: 'ecs',
      status: 404,
      code: 'Ecs.0114',
      message: 'gone',
      retryable: false,
    })
    expect(String(error)).toBe('ConsoleError: gone')
  })

  it.each<[ConsoleErrorKind, boolean]>([
    ['network', true],
    ['timeout', true],
    ['server', true],
    ['rate_limited', true],
    ['vnc_disconnected', true],
    ['unauthorized', false],
    ['forbidden', false],
    ['not_found', false],
    ['conflict', false],
    ['aborted', false],
    ['invalid_response', false],
    ['invalid_input', false],
    ['vnc_security', false],
  ])('%s is retryable: %s by default', (kind, retryable) => {
    expect(new ConsoleError({ kind, provider: 'vnc', message: '' }).retryable).toBe(retryable)
  })

  it('lets retryable be overridden and keeps the cause', () => {
    const cause = new Error('socket')
    const error = new ConsoleError({
      kind: 'server',
      provider: 'cloudtower',
      message: 'x',
      retryable: false,
      cause,
    })
    expect(error.retryable).toBe(false)
    expect(error.cause).toBe(cause)
    expect(Object.keys(error)).not.toContain('status')
  })

  it('recognises ConsoleErrors, also from another copy of the package', () => {
    expect(
      ConsoleError.is(new ConsoleError({ kind: 'network', provider: 'ecs', message: '' })),
    ).toBe(true)
    const foreign = Object.assign(new Error('x'), { name: 'ConsoleError', kind: 'network' })
    expect(ConsoleError.is(foreign)).toBe(true)
    expect(ConsoleError.is(new Error('x'))).toBe(false)
    expect(ConsoleError.is({ name: 'ConsoleError', kind: 'network' })).toBe(false)
  })
})
