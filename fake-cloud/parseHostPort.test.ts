import { describe, expect, it } from 'vitest'
import { parseHostPort } from './parseHostPort.ts'

describe('parseHostPort', () => {
  it('parses host:port and bracketed IPv6', () => {
    expect(parseHostPort('127.0.0.1:5900')).toEqual({ host: '127.0.0.1', port: 5900 })
    expect(parseHostPort('vnc.local:5901')).toEqual({ host: 'vnc.local', port: 5901 })
    expect(parseHostPort('[::1]:5902')).toEqual({ host: '::1', port: 5902 })
  })

  it.each(['127.0.0.1', ':5900', '127.0.0.1:0', 'h:70000', 'h:x', '::1:5900', ''])(
    'rejects %j',
    (target) => {
      expect(() => parseHostPort(target)).toThrow(/Invalid VNC target/)
    },
  )
})
