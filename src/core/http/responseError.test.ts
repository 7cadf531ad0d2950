import { describe, expect, it } from 'vitest'
import { cloudTowerErrorKind } from '../cloudtower/cloudTowerErrorKind.js'
import { ConsoleError } from '../errors/ConsoleError.js'
import type { JsonResponse } from './requestJson.js'
import { responseError } from './responseError.js'

const SECRET = 'eyJhbGciOiJIUzI1NiJ9.secret-session-token'

const answer = (status: number, json: unknown, html = false): JsonResponse => ({
  status,
  ok: status >= 200 && status < 300,
  json,
  html,
})
const cloudTower = (response: JsonResponse, vnc?: unknown) =>
  responseError('cloudtower', response, [SECRET], cloudTowerErrorKind, 'VM "vm-1"', vnc)
const ecs = (response: JsonResponse) =>
  responseError('ecs', response, [SECRET], undefined, 'VM "server-1"')

describe('responseError, CloudTower (GraphQL)', () => {
  it('maps the top-level code of the first coded error and quotes its message', () => {
    const error = cloudTower(
      answer(200, {
        data: null,
        errors: [{ message: 'uncoded' }, { message: 'token is invalid', code: 'LOGIN_FAILED' }],
      }),
    )
    expect(error).toBeInstanceOf(ConsoleError)
    expect(error).toMatchObject({
      kind: 'unauthorized',
      provider: 'cloudtower',
      status: 200,
      code: 'LOGIN_FAILED',
      retryable: false,
      message: 'CloudTower refused the token. Sign in again. (CloudTower: token is invalid)',
    })
  })

  it('reads data.vnc: null as no such VM, naming it', () => {
    const error = cloudTower(answer(200, { data: { vnc: null } }), null)
    expect(error).toMatchObject({ kind: 'not_found', status: 200, retryable: false })
    expect(error.message).toContain('"vm-1"')
    expect(Object.keys(error)).not.toContain('code')
  })

  it('makes an unknown GraphQL error a server error that a retry cannot fix', () => {
    const error = cloudTower(answer(200, { errors: [{ message: 'boom' }] }))
    expect(error).toMatchObject({ kind: 'server', retryable: false })
    expect(error.message).toContain('boom')
  })

  it('makes a 2xx answer without usable data an invalid_response', () => {
    expect(cloudTower(answer(200, { data: {} })).kind).toBe('invalid_response')
    expect(cloudTower(answer(200, { data: { vnc: { x: 1 } } }), { x: 1 }).kind).toBe(
      'invalid_response',
    )
    expect(cloudTower(answer(200, undefined)).kind).toBe('invalid_response')
  })

  it('falls back to the status, 5xx being retryable', () => {
    expect(cloudTower(answer(401, { message: 'nope' }))).toMatchObject({
      kind: 'unauthorized',
      status: 401,
      retryable: false,
    })
    const error = cloudTower(answer(503, undefined))
    expect(error).toMatchObject({ kind: 'server', retryable: true })
    expect(error.message).toMatch(/HTTP 503/)
  })

  it('explains an HTML page instead of the API', () => {
    for (const status of [200, 404, 502]) {
      const error = cloudTower(answer(status, undefined, true))
      expect(error.message).toMatch(/HTML page.*Check the endpoint/)
      // The code lets the UI say "not the API" rather than the status's "VM not found".
      expect(error.code).toBe('html_page')
    }
  })
})

describe('responseError, Huawei Cloud', () => {
  it('reads both error shapes', () => {
    expect(
      ecs(answer(404, { error: { code: 'Ecs.0114', message: 'Instance does not exist.' } })),
    ).toMatchObject({ kind: 'not_found', code: 'Ecs.0114', provider: 'ecs' })
    const gateway = ecs(answer(429, { error_code: 'APIGW.0308', error_msg: 'throttled' }))
    expect(gateway).toMatchObject({ kind: 'rate_limited', code: 'APIGW.0308', retryable: true })
    expect(gateway.message).toBe(
      'Huawei Cloud ECS is throttling requests. Try again soon. (Huawei Cloud ECS: throttled)',
    )
  })

  it('says that not found (APIGW.0101: no such API) may mean a wrong endpoint', () => {
    expect(ecs(answer(404, { error_code: 'APIGW.0101', error_msg: 'x' })).message).toMatch(
      /Check the VM and the endpoint/,
    )
  })

  it('takes the kind from the status, which Huawei pairs with each documented code', () => {
    expect(ecs(answer(403, { error: { code: 'Ecs.0003', message: 'no' } }))).toMatchObject({
      kind: 'forbidden',
      code: 'Ecs.0003',
    })
  })
})

describe('responseError, upstream text', () => {
  it('redacts secrets and token parameters, then cuts the message short', () => {
    const error = ecs(
      answer(401, {
        error_code: 'APIGW.0301',
        error_msg: `bad ${SECRET} ${encodeURIComponent(SECRET)} wss://h/?token=abc ${'x'.repeat(500)}`,
      }),
    )
    expect(error.message).not.toContain(SECRET.slice(0, 12))
    expect(error.message).not.toContain('abc')
    expect(error.message).toContain('token=***')
    expect(error.message.length).toBeLessThanOrEqual(401)
    expect(error.message.endsWith('…')).toBe(true)
  })

  it('ignores upstream values that are not text', () => {
    expect(ecs(answer(500, { error: { code: 7, message: { x: 1 } } }))).toMatchObject({
      kind: 'server',
      message: 'Huawei Cloud ECS failed with HTTP 500. Try again later.',
    })
  })
})
