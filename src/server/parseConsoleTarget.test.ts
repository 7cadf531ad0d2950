import { describe, expect, it } from 'vitest'
import { ConsoleError } from '../core/errors/ConsoleError.js'
import { parseConsoleTarget } from './parseConsoleTarget.js'

describe('parseConsoleTarget', () => {
  it('reads both providers and refuses anything else', () => {
    expect(parseConsoleTarget({ provider: 'cloudtower', vmId: 'vm-1', extra: 1 })).toEqual({
      provider: 'cloudtower',
      vmId: 'vm-1',
    })
    expect(parseConsoleTarget({ provider: 'ecs', serverId: 's-1' })).toEqual({
      provider: 'ecs',
      serverId: 's-1',
    })
    for (const bad of [
      null,
      'x',
      {},
      { provider: 'ecs' },
      { provider: 'ecs', serverId: 'a/b' },
      { provider: 'cloudtower', vmId: 'x'.repeat(201) },
      { provider: 'cloudtower', vmId: 'a\nb' },
    ]) {
      expect(() => parseConsoleTarget(bad)).toThrow(ConsoleError)
    }
  })
})
