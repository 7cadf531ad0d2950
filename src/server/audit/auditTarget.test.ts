import { describe, expect, it } from 'vitest'
import { auditTarget } from './auditTarget.js'

describe('auditTarget', () => {
  it('names either cloud’s VM as vmId', () => {
    expect(auditTarget({ provider: 'cloudtower', vmId: 'vm-1' })).toEqual({
      provider: 'cloudtower',
      vmId: 'vm-1',
    })
    expect(auditTarget({ provider: 'ecs', serverId: 's-1' })).toEqual({
      provider: 'ecs',
      vmId: 's-1',
    })
  })
})
