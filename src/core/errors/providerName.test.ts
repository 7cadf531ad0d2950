import { expect, it } from 'vitest'
import { providerName } from './providerName.js'

it('names each provider as operators know it', () => {
  expect(providerName('cloudtower')).toBe('CloudTower')
  expect(providerName('ecs')).toBe('Huawei Cloud ECS')
  expect(providerName('vnc')).toBe('The VNC server')
})
