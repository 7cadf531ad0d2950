import { describe, expect, it } from 'vitest'
import { defaultConsoleHosts } from './defaultConsoleHosts.js'

describe('defaultConsoleHosts', () => {
  it('lets an ECS endpoint vouch for its own domain, an address or one-label name for itself', () => {
    expect(defaultConsoleHosts('https://ecs.cn-north-4.myhuaweicloud.com')).toEqual([
      'ecs.cn-north-4.myhuaweicloud.com',
      '*.myhuaweicloud.com',
    ])
    expect(defaultConsoleHosts('http://127.0.0.1:4000')).toEqual(['127.0.0.1'])
    expect(defaultConsoleHosts('http://[::1]:4000')).toEqual(['::1'])
    expect(defaultConsoleHosts('http://localhost:4000/ecs')).toEqual(['localhost'])
    // A private cloud under a country's second-level domain never vouches for that whole suffix.
    expect(defaultConsoleHosts('https://ecs.region.example.com.cn')).toEqual([
      'ecs.region.example.com.cn',
      '*.example.com.cn',
    ])
    expect(defaultConsoleHosts('https://ecs.gov.uk')).toEqual(['ecs.gov.uk'])
    expect(defaultConsoleHosts('https://example.com')).toEqual(['example.com'])
  })
})
