import { describe, expect, it } from 'vitest'
import { upstreamOrigin } from './upstreamOrigin.js'

describe('upstreamOrigin', () => {
  it('is the socket host under its http scheme', () => {
    expect(upstreamOrigin('wss://nova.example:8002/websockify?token=x')).toBe(
      'https://nova.example:8002',
    )
    expect(upstreamOrigin('ws://127.0.0.1:4000/')).toBe('http://127.0.0.1:4000')
  })
})
