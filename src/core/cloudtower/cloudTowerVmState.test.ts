import { expect, it } from 'vitest'
import { cloudTowerVmState } from './cloudTowerVmState.js'

it.each([
  // Every value of VmStatus in CloudTower's OpenAPI spec.
  ['RUNNING', 'running'],
  ['STOPPED', 'stopped'],
  ['SUSPENDED', 'suspended'],
  ['DELETED', 'deleted'],
  ['UNKNOWN', 'unknown'],
  // Anything else is unknown, never a guess.
  ['running', 'unknown'],
  ['toString', 'unknown'],
  ['', 'unknown'],
  [undefined, 'unknown'],
  [1, 'unknown'],
])('%s is %s', (status, state) => {
  expect(cloudTowerVmState(status)).toBe(state)
})

it('counts a VM in the recycle bin as deleted, whatever its status', () => {
  expect(cloudTowerVmState('STOPPED', true)).toBe('deleted')
  expect(cloudTowerVmState('STOPPED', false)).toBe('stopped')
})
