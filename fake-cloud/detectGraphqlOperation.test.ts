import { describe, expect, it } from 'vitest'
import { detectGraphqlOperation } from './detectGraphqlOperation.ts'

const VNC_QUERY =
  'query vnc($input: VncInput!) { vnc(input: $input) { vm_uuid host_ip cluster_ip raw_token token}}'

describe('detectGraphqlOperation', () => {
  it('prefers operationName', () => {
    expect(detectGraphqlOperation('vnc', VNC_QUERY)).toBe('vnc')
    expect(detectGraphqlOperation('login', '')).toBe('login')
  })

  it('falls back to the first root field', () => {
    expect(detectGraphqlOperation(undefined, VNC_QUERY)).toBe('vnc')
    expect(
      detectGraphqlOperation(null, 'mutation($data: LoginInput!){ login(data:$data){ token } }'),
    ).toBe('login')
    expect(detectGraphqlOperation('ListVms', 'query ListVms { vms { id name status } }')).toBe(
      'vms',
    )
    expect(detectGraphqlOperation(undefined, '{ result: vnc(input: $i) { token } }')).toBe('vnc')
  })

  it('returns null for anything else', () => {
    expect(detectGraphqlOperation(undefined, 'query { clusters { id } }')).toBeNull()
    expect(detectGraphqlOperation(undefined, 42)).toBeNull()
    expect(detectGraphqlOperation('hosts', undefined)).toBeNull()
  })
})
