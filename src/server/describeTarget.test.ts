import { describe, expect, it } from 'vitest'
import { describeTarget } from './describeTarget.js'

describe('describeTarget', () => {
  it('names the provider and the VM', () => {
    expect(describeTarget({ provider: 'cloudtower', vmId: 'vm-1' })).toBe('cloudtower vm-1')
    expect(describeTarget({ provider: 'ecs', serverId: 's-1' })).toBe('ecs s-1')
  })
})
