import { describe, expect, it } from 'vitest'
import { grantedPowerActions } from './grantedPowerActions.js'

describe('grantedPowerActions', () => {
  it('grants the actions named in power, in a fixed order, without duplicates', () => {
    expect(grantedPowerActions({ user: 'a', power: ['restart', 'start', 'start'] })).toEqual([
      'start',
      'restart',
    ])
  })

  it('grants nothing for consoles-only answers or malformed lists', () => {
    expect(grantedPowerActions(true)).toEqual([])
    expect(grantedPowerActions({ user: 'a' })).toEqual([])
    expect(grantedPowerActions({ user: 'a', power: 'start' })).toEqual([])
    expect(grantedPowerActions({ user: 'a', power: ['reboot', 'toString'] })).toEqual([])
    expect(grantedPowerActions(null)).toEqual([])
  })
})
