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
