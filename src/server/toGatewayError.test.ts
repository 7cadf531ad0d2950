import { describe, expect, it } from 'vitest'
import { ConsoleError } from '../core/errors/ConsoleError.js'
import { statusForKind } from './statusForKind.js'
import { toGatewayError } from './toGatewayError.js'

describe('statusForKind and toGatewayError', () => {
  it('maps kinds to statuses', () => {
    expect(statusForKind('forbidden')).toBe(403)
    expect(statusForKind('rate_limited')).toBe(429)
    expect(statusForKind('timeout')).toBe(504)
    expect(statusForKind('network')).toBe(502)
  })
  it('hides foreign errors and the gateway credential refusals', () => {
    expect(toGatewayError(new Error('at /srv/app.js:1 password=x'))).toEqual({
      status: 502,
      body: {
        error: {
          kind: 'server',
          message: expect.not.stringContaining('password') as string,
          retryable: true,
        },
      },
    })
    const refused = toGatewayError(
      new ConsoleError({ kind: 'unauthorized', provider: 'ecs', message: 'token T refused' }),
    )
    expect(refused.body.error.kind).toBe('server')
    expect(refused.body.error.message).not.toContain('T refused')
    const missing = toGatewayError(
      new ConsoleError({
        kind: 'not_found',
        provider: 'ecs',
        message: 'no server with secret S1234',
      }),
      ['S1234'],
    )
    expect(missing).toEqual({
      status: 404,
      body: {
        error: { kind: 'not_found', message: 'no server with secret ***', retryable: false },
      },
    })
  })
})
