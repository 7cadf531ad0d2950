import { expect, it } from 'vitest'
import { ConsoleError, type ConsoleErrorKind } from '../../core/errors/ConsoleError.js'
import { consoleAccessQueryDefaults } from './consoleAccessQueryDefaults.js'

const error = (kind: ConsoleErrorKind) => new ConsoleError({ kind, provider: 'ecs', message: '' })

it('never caches one-time credentials', () => {
  expect(consoleAccessQueryDefaults).toMatchObject({
    staleTime: 0,
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  })
})

it('retries network, 5xx and 429 at most 3 times, and nothing else', () => {
  const { retry } = consoleAccessQueryDefaults
  for (const kind of ['network', 'server', 'rate_limited', 'timeout'] as const) {
    expect(retry(0, error(kind))).toBe(true)
    expect(retry(2, error(kind))).toBe(true)
    expect(retry(3, error(kind))).toBe(false)
  }
  for (const kind of [
    'unauthorized',
    'forbidden',
    'not_found',
    'invalid_input',
    'invalid_response',
  ] as const) {
    expect(retry(0, error(kind))).toBe(false)
  }
})

it('backs off exponentially up to 8 s', () => {
  expect([0, 1, 2, 3, 4].map(consoleAccessQueryDefaults.retryDelay)).toEqual([
    1_000, 2_000, 4_000, 8_000, 8_000,
  ])
})
