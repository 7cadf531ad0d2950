// The gateway's small pure helpers.
import { describe, expect, it } from 'vitest'
import { ConsoleError } from '../../../src/core/errors/ConsoleError.js'
import { createRateLimiter } from '../../../src/server/gateway/createRateLimiter.js'
import { defaultConsoleHosts } from '../../../src/server/providers/defaultConsoleHosts.js'
import { isConsoleHostAllowed } from '../../../src/server/providers/isConsoleHostAllowed.js'
import { isOriginAllowed } from '../../../src/server/isOriginAllowed.js'
import { parseConsoleTarget } from '../../../src/server/parseConsoleTarget.js'
import { redactForLog } from '../../../src/server/redactForLog.js'
import { requestScheme } from '../../../src/server/requestScheme.js'
import { resolveEcsEndpoint } from '../../../src/server/providers/resolveEcsEndpoint.js'
import { statusForKind } from '../../../src/server/statusForKind.js'
import { toGatewayError } from '../../../src/server/toGatewayError.js'
import { upstreamOrigin } from '../../../src/server/providers/upstreamOrigin.js'

describe('createRateLimiter', () => {
  it('allows `limit` per window per key, sliding', () => {
    const limiter = createRateLimiter(2, 1_000)
    expect(limiter.take('a', 0)).toBe(true)
    expect(limiter.take('a', 100)).toBe(true)
    expect(limiter.take('a', 200)).toBe(false)
    expect(limiter.take('b', 200)).toBe(true)
    expect(limiter.retryAfterMs('a', 200)).toBe(800)
    expect(limiter.take('a', 1_000)).toBe(true)
    expect(limiter.retryAfterMs('a', 1_000)).toBe(100)
  })
})

describe('isOriginAllowed', () => {
  it('defaults to the gateway host and lets non-browsers through', () => {
    expect(isOriginAllowed('https://portal.example', 'portal.example')).toBe(true)
    expect(isOriginAllowed('https://evil.example', 'portal.example')).toBe(false)
    expect(isOriginAllowed('null', 'portal.example')).toBe(false)
    expect(isOriginAllowed(undefined, 'portal.example')).toBe(true)
  })
  it('compares the scheme the browser reached the gateway by, when known', () => {
    expect(isOriginAllowed('https://portal.example', 'portal.example', undefined, 'https:')).toBe(
      true,
    )
    expect(isOriginAllowed('http://portal.example', 'portal.example', undefined, 'https:')).toBe(
      false,
    )
    expect(isOriginAllowed('https://portal.example', 'portal.example', undefined, 'http:')).toBe(
      false,
    )
    // A listed origin is compared whole, scheme included, whatever the gateway was reached by.
    expect(isOriginAllowed('https://a.example', 'gw', ['https://a.example'], 'http:')).toBe(true)
    expect(isOriginAllowed('http://a.example', 'gw', ['https://a.example'], 'http:')).toBe(false)
  })
  it('follows a list or a predicate when given', () => {
    expect(isOriginAllowed('https://a.example', 'gw', ['https://a.example/'])).toBe(true)
    expect(isOriginAllowed('https://gw', 'gw', ['https://a.example'])).toBe(false)
    expect(isOriginAllowed('https://b.example', 'gw', (o) => o.endsWith('.example'))).toBe(true)
  })
})

describe('requestScheme', () => {
  it("takes a proxy's X-Forwarded-Proto, else the socket", () => {
    expect(requestScheme(undefined, false)).toBe('http:')
    expect(requestScheme(undefined, true)).toBe('https:')
    expect(requestScheme('https', false)).toBe('https:')
    expect(requestScheme('HTTPS, http', false)).toBe('https:')
    expect(requestScheme('http', true)).toBe('http:')
    expect(requestScheme('gopher', true)).toBe('https:')
  })
})

describe('isConsoleHostAllowed and defaultConsoleHosts', () => {
  it('matches names exactly or under a *. suffix, any case', () => {
    const hosts = ['*.myhuaweicloud.com', '10.0.0.5']
    expect(isConsoleHostAllowed('cn-north-4-console.myhuaweicloud.com', hosts)).toBe(true)
    expect(isConsoleHostAllowed('A.B.MyHuaweiCloud.com.', hosts)).toBe(true)
    expect(isConsoleHostAllowed('myhuaweicloud.com', hosts)).toBe(false)
    expect(isConsoleHostAllowed('evilmyhuaweicloud.com', hosts)).toBe(false)
    expect(isConsoleHostAllowed('myhuaweicloud.com.evil.io', hosts)).toBe(false)
    expect(isConsoleHostAllowed('10.0.0.5', hosts)).toBe(true)
    expect(isConsoleHostAllowed('10.0.0.50', hosts)).toBe(false)
    expect(isConsoleHostAllowed('169.254.169.254', hosts)).toBe(false)
    expect(isConsoleHostAllowed('anything', [])).toBe(false)
  })
  it('lets an ECS endpoint vouch for its own domain, an address or one-label name for itself', () => {
    expect(defaultConsoleHosts('https://ecs.cn-north-4.myhuaweicloud.com')).toEqual([
      'ecs.cn-north-4.myhuaweicloud.com',
      '*.myhuaweicloud.com',
    ])
    expect(defaultConsoleHosts('http://127.0.0.1:4000')).toEqual(['127.0.0.1'])
    expect(defaultConsoleHosts('http://[::1]:4000')).toEqual(['::1'])
    expect(defaultConsoleHosts('http://localhost:4000/ecs')).toEqual(['localhost'])
  })
})

describe('parseConsoleTarget', () => {
  it('reads both providers and refuses anything else', () => {
    expect(parseConsoleTarget({ provider: 'cloudtower', vmId: 'vm-1', extra: 1 })).toEqual({
      provider: 'cloudtower',
      vmId: 'vm-1',
    })
    expect(parseConsoleTarget({ provider: 'ecs', serverId: 's-1' })).toEqual({
      provider: 'ecs',
      serverId: 's-1',
    })
    for (const bad of [
      null,
      'x',
      {},
      { provider: 'ecs' },
      { provider: 'ecs', serverId: 'a/b' },
      { provider: 'cloudtower', vmId: 'x'.repeat(201) },
      { provider: 'cloudtower', vmId: 'a\nb' },
    ]) {
      expect(() => parseConsoleTarget(bad)).toThrow(ConsoleError)
    }
  })
})

describe('redactForLog', () => {
  it('removes secrets, token-like parameters, signatures and secret-named fields', () => {
    const out = redactForLog(
      {
        message:
          'wss://h/websockify?token=abc&ticket=T0k3n then SDK-HMAC-SHA256 Access=AK1, SignedHeaders=host, Signature=deadbeef with s3cr3t-value',
        password: 'hunter22',
        nested: { authToken: 'x', list: ['s3cr3t-value'] },
        error: new Error('failed with s3cr3t-value'),
      },
      ['s3cr3t-value'],
    )
    const text = JSON.stringify(out)
    for (const secret of ['abc', 'T0k3n', 'AK1', 'deadbeef', 's3cr3t-value', 'hunter22'])
      expect(text).not.toContain(secret)
    expect(text).toContain('failed with ***')
  })
  it('removes an echoed Authorization header value, whatever its scheme', () => {
    const text = redactForLog(
      'got "Authorization: Bearer eyJhbGciOi.abc" and authorization=Basic dXNlcg==',
      [],
    )
    expect(text).not.toMatch(/eyJhbGciOi|dXNlcg/)
    expect(text).toContain('Authorization: ***')
  })
})

describe('resolveEcsEndpoint', () => {
  it('prefers the endpoint, else builds one from the region', () => {
    expect(resolveEcsEndpoint({ endpoint: 'https://ecs.example/', region: 'x' })).toBe(
      'https://ecs.example',
    )
    expect(resolveEcsEndpoint({ region: 'cn-north-4' })).toBe(
      'https://ecs.cn-north-4.myhuaweicloud.com',
    )
    expect(resolveEcsEndpoint({ region: 'ap-southeast-1' })).toBe(
      'https://ecs.ap-southeast-1.myhuaweicloud.com',
    )
    expect(() => resolveEcsEndpoint({ region: 'evil.com/x' })).toThrow(ConsoleError)
    expect(() => resolveEcsEndpoint({})).toThrow(/region/)
  })
})

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

describe('upstreamOrigin', () => {
  it('is the socket host under its http scheme', () => {
    expect(upstreamOrigin('wss://nova.example:8002/websockify?token=x')).toBe(
      'https://nova.example:8002',
    )
    expect(upstreamOrigin('ws://127.0.0.1:4000/')).toBe('http://127.0.0.1:4000')
  })
})
