import { expect, it } from 'vitest'
import { ConsoleError } from '../core/errors/ConsoleError.js'
import type { ConsoleStatus } from '../core/connection/types.js'
import { enUSLabels } from './enUSLabels.js'
import { zhCNLabels } from './zhCNLabels.js'
import { statusText } from './statusText.js'

const status = (patch: Partial<ConsoleStatus>): ConsoleStatus => ({
  state: 'idle',
  attempt: 0,
  capabilities: { power: false },
  ...patch,
})

it('says each state in words', () => {
  expect(statusText(status({ state: 'fetching' }), enUSLabels)).toBe('Requesting console access…')
  expect(statusText(status({ state: 'connected', desktopName: 'web-01' }), enUSLabels)).toBe(
    'Connected to web-01',
  )
  expect(statusText(status({ state: 'disconnected' }), enUSLabels)).toBe('Disconnected')
  const held = status({ state: 'disconnected', vmState: 'stopped' })
  expect(statusText(held, enUSLabels)).toBe('This VM is stopped')
  expect(statusText({ ...held, vmState: 'running' }, enUSLabels)).toBe('Disconnected')
  const retrying = status({ state: 'disconnected', nextRetryAt: 1, attempt: 1 })
  expect(statusText(retrying, enUSLabels, 4)).toBe('Connection lost. Reconnecting in 4 s')
  expect(statusText(retrying, enUSLabels)).toBe('Connection lost. Reconnecting…')
  expect(statusText(retrying, zhCNLabels, 4)).toBe('连接已断开，4 秒后重新连接')
  const error = new ConsoleError({ kind: 'unauthorized', provider: 'ecs', message: 'x' })
  expect(statusText(status({ state: 'error', error }), enUSLabels)).toBe(
    'The Huawei Cloud token was refused. Sign in again.',
  )
})

it('does not call a connection that never got going "lost"', () => {
  const retrying = (code: string) =>
    status({
      state: 'disconnected',
      nextRetryAt: 1,
      attempt: 1,
      error: new ConsoleError({ kind: 'vnc_disconnected', provider: 'vnc', code, message: 'x' }),
    })
  expect(statusText(retrying('proxy_unreachable'), enUSLabels, 3)).toBe(
    'Cannot reach the console proxy. Retrying in 3 s',
  )
  expect(statusText(retrying('proxy_closed_early'), enUSLabels)).toBe(
    'Could not connect to the console. Retrying…',
  )
  expect(statusText(retrying('connection_lost'), enUSLabels, 2)).toBe(
    'Connection lost. Reconnecting in 2 s',
  )
  expect(statusText(retrying('proxy_unreachable'), zhCNLabels, 3)).toBe(
    '无法连接控制台代理，3 秒后重试',
  )
})

it('says the console service is away for a moment while it retries after a 503', () => {
  const retrying = status({
    state: 'disconnected',
    nextRetryAt: 1,
    attempt: 1,
    error: new ConsoleError({
      kind: 'server',
      provider: 'cloudtower',
      code: 'service_unavailable',
      message: 'x',
    }),
  })
  expect(statusText(retrying, enUSLabels, 2)).toBe(
    'The console service is temporarily unavailable. Retrying in 2 s',
  )
  expect(statusText(retrying, zhCNLabels)).toBe('控制台服务暂时不可用，正在重试…')
})
