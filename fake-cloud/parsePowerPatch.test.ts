import { expect, it } from 'vitest'
import { parsePowerPatch } from './parsePowerPatch.ts'

it('reads a VM id and the state to force', () => {
  expect(parsePowerPatch({ id: 'vm-1', state: 'stopped' })).toEqual({
    id: 'vm-1',
    state: 'stopped',
  })
  expect(parsePowerPatch({ id: 'vm-1', state: 'running' })).toEqual({
    id: 'vm-1',
    state: 'running',
  })
})

it('refuses anything else with a message', () => {
  expect(parsePowerPatch(null)).toEqual({ error: 'Expected a JSON object' })
  expect(parsePowerPatch({ id: 'vm-1', state: 'off' })).toHaveProperty('error')
  expect(parsePowerPatch({ id: '', state: 'stopped' })).toHaveProperty('error')
  expect(parsePowerPatch({ state: 'stopped' })).toHaveProperty('error')
  expect(parsePowerPatch({ id: 'vm-1', state: 'stopped', now: true })).toEqual({
    error: 'Unknown field "now"',
  })
})
