import { describe, expect, it } from 'vitest'
import { ConsoleError } from '../core/errors/ConsoleError.js'
import { errorKinds } from '../core/errors/errorKinds.js'
import { toGatewayError } from './toGatewayError.js'

describe('errorKinds.httpStatus and toGatewayError', () => {
  it('maps kinds to statuses', () => {
    expect(errorKinds.httpStatus('forbidden')).toBe(403)
    expect(errorKinds.httpStatus('rate_limited')).toBe(429)
    expect(errorKinds.httpStatus('timeout')).toBe(504)
    expect(errorKinds.httpStatus('network')).toBe(502)
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
    // The cloud's text (which may echo the request) stays in the log; the browser gets our words.
    expect(missing).toEqual({
      status: 404,
      body: {
        error: {
          kind: 'not_found',
          message: 'Huawei Cloud has no such VM, or no console for it.',
          retryable: false,
        },
      },
    })
    const ours = toGatewayError(
      new ConsoleError({ kind: 'forbidden', provider: 'vnc', message: 'origin S1234 refused' }),
      ['S1234'],
    )
    expect(ours.body.error.message).toBe('origin *** refused')
  })

  it("passes the cloud's error code on, in our words, and never the cloud's text", () => {
    const echoed = toGatewayError(
      new ConsoleError({
        kind: 'invalid_input',
        provider: 'cloudtower',
        code: 'GRAPHQL_VALIDATION_FAILED',
        message: 'CloudTower rejected: query { vm(where: { id: "x" }) { secret } }',
      }),
    )
    expect(echoed).toEqual({
      status: 400,
      body: {
        error: {
          kind: 'invalid_input',
          code: 'GRAPHQL_VALIDATION_FAILED',
          message:
            'CloudTower rejected the request as invalid. (CloudTower error GRAPHQL_VALIDATION_FAILED)',
          retryable: false,
        },
      },
    })
    // Something that is no error code is not passed on at all.
    const odd = toGatewayError(
      new ConsoleError({ kind: 'server', provider: 'ecs', code: 'a b <c>', message: 'x' }),
    )
    expect(odd.body.error).not.toHaveProperty('code')
    expect(odd.body.error.message).toBe(
      'Huawei Cloud could not provide the console. Try again later.',
    )
  })

  it('names no host for a console host outside consoleHosts', () => {
    const refused = toGatewayError(
      new ConsoleError({
        kind: 'invalid_response',
        provider: 'ecs',
        code: 'console_host_not_allowed',
        message: 'The ECS API named a console host the gateway may not connect to (10.1.2.3).',
      }),
    )
    expect(refused.status).toBe(502)
    expect(refused.body.error.code).toBe('console_host_not_allowed')
    expect(refused.body.error.message).toMatch(/settings do not allow/)
    expect(refused.body.error.message).not.toContain('10.1.2.3')
  })

  it('answers a store that did not answer with a retryable 503 and Retry-After', () => {
    const down = toGatewayError(
      new ConsoleError({
        kind: 'server',
        provider: 'vnc',
        code: 'service_unavailable',
        message: "The console gateway's store did not answer (hit).",
      }),
    )
    expect(down).toEqual({
      status: 503,
      headers: { 'retry-after': '2' },
      body: {
        error: {
          kind: 'server',
          code: 'service_unavailable',
          message: 'The console service is temporarily unavailable. Try again in a moment.',
          retryable: true,
        },
      },
    })
  })
})
