import { describe, expect, it } from 'vitest'
import { ConsoleError } from '../../core/errors/ConsoleError.js'
import { resolveEcsEndpoint } from './resolveEcsEndpoint.js'

describe('resolveEcsEndpoint', () => {
  it('prefers the endpoint, else builds one from the region', () => {
    expect(resolveEcsEndpoint({ endpoint: 'https://ecs.example/', region: 'x' })).toBe(
      'https://ecs.example',
    )
    expect(resolveEcsEndpoint({ region: 'cn-north-4' })).toBe(
      'https://ecs.cn-north-4.myhuaweicloud.com',
    )
    expect(resolveEcsEndpoint({ region: 'ap-southeast-1' })).toBe(
      'https://ecs.ap-southeast-1.myhuaweicloud.com',
    )
    expect(() => resolveEcsEndpoint({ region: 'evil.com/x' })).toThrow(ConsoleError)
    expect(() => resolveEcsEndpoint({})).toThrow(/region/)
  })
})
