import { expect, it } from 'vitest'
import { enUSLabels } from './enUSLabels.js'
import { consoleErrorMessage } from './consoleErrorMessage.js'
import { zhCNLabels } from './zhCNLabels.js'

it('names the provider and what to do, in either language', () => {
  expect(consoleErrorMessage({ kind: 'unauthorized', provider: 'cloudtower' }, enUSLabels)).toBe(
    'The CloudTower token was refused. Sign in again.',
  )
  expect(consoleErrorMessage({ kind: 'network', provider: 'ecs' }, enUSLabels)).toBe(
    'Could not reach Huawei Cloud. Check the network or proxy, then retry.',
  )
  expect(consoleErrorMessage({ kind: 'unauthorized', provider: 'cloudtower' }, zhCNLabels)).toBe(
    'CloudTower 令牌已被拒绝，请重新登录。',
  )
})

it('lets a code that says more than its kind choose the words', () => {
  expect(
    consoleErrorMessage(
      { kind: 'not_found', provider: 'cloudtower', code: 'html_page' },
      enUSLabels,
    ),
  ).toBe('This is not the CloudTower API (an HTML page answered). Check the endpoint.')
  expect(
    consoleErrorMessage(
      { kind: 'vnc_disconnected', provider: 'vnc', code: 'proxy_unreachable' },
      enUSLabels,
    ),
  ).toMatch(/^Could not reach the console proxy/)
  expect(
    consoleErrorMessage(
      { kind: 'vnc_disconnected', provider: 'vnc', code: 'proxy_closed_early' },
      zhCNLabels,
    ),
  ).toMatch(/新窗口/)
  // The gateway's own codes: its store is down (503), or its settings refuse a console host.
  expect(
    consoleErrorMessage(
      { kind: 'server', provider: 'cloudtower', code: 'service_unavailable' },
      enUSLabels,
    ),
  ).toBe('The console service is temporarily unavailable. Try again in a moment.')
  expect(
    consoleErrorMessage(
      { kind: 'server', provider: 'ecs', code: 'service_unavailable' },
      zhCNLabels,
    ),
  ).toBe('控制台服务暂时不可用，请稍后重试。')
  expect(
    consoleErrorMessage(
      { kind: 'invalid_response', provider: 'ecs', code: 'console_host_not_allowed' },
      enUSLabels,
    ),
  ).toMatch(/settings do not allow the console host Huawei Cloud named/)
  // Provider codes it does not know leave the kind's words.
  expect(
    consoleErrorMessage({ kind: 'not_found', provider: 'ecs', code: 'Ecs.0114' }, enUSLabels),
  ).toMatch(/^The VM was not found/)
})
