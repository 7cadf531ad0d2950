import { describe, expect, it } from 'vitest'
import { ConsoleError } from '../core/errors/ConsoleError.js'
import { parsePowerAction } from './parsePowerAction.js'

describe('parsePowerAction', () => {
  it('takes each power action by its name', () => {
    for (const action of ['start', 'shutdown', 'poweroff', 'restart', 'forceRestart']) {
      expect(parsePowerAction({ provider: 'ecs', serverId: 's', action })).toBe(action)
    }
  })

  it('refuses anything else as invalid_input', () => {
    for (const body of [{ action: 'reboot' }, { action: 'toString' }, { action: 1 }, {}, null]) {
      const error = (() => {
        try {
          parsePowerAction(body)
        } catch (e) {
          return e
        }
      })()
      expect(ConsoleError.is(error) && error.kind).toBe('invalid_input')
    }
  })
})
