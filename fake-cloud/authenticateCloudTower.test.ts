import { expect, it } from 'vitest'
import { authenticateCloudTower } from './authenticateCloudTower.ts'
import { defaultInventory } from './defaultInventory.ts'

it('finds the user of a login session or of a ready-made token, raw and nothing else', () => {
  const inventory = defaultInventory()
  const sessions = new Map([['abc', 'viewer']])
  expect(authenticateCloudTower('abc', inventory, sessions)?.username).toBe('viewer')
  expect(authenticateCloudTower('fake-cloudtower-admin-token', inventory, sessions)?.username).toBe(
    'admin',
  )
  expect(authenticateCloudTower('Bearer fake-cloudtower-admin-token', inventory, sessions)).toBe(
    undefined,
  )
  expect(authenticateCloudTower(undefined, inventory, sessions)).toBe(undefined)
  expect(authenticateCloudTower('', inventory, sessions)).toBe(undefined)
})
