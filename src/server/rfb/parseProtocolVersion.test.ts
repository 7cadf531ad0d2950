import { describe, expect, it } from 'vitest'
import { parseProtocolVersion } from './parseProtocolVersion.js'
import { RfbProtocolError } from './RfbProtocolError.js'

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0))

describe('parseProtocolVersion', () => {
  it.each([
    ['RFB 003.003\n', 3.3],
    ['RFB 003.005\n', 3.3],
    ['RFB 003.006\n', 3.3],
    ['RFB 003.007\n', 3.7],
    ['RFB 003.008\n', 3.8],
    ['RFB 003.889\n', 3.8],
    ['RFB 004.001\n', 3.8],
    ['RFB 005.000\n', 3.8],
  ])('reads %j as %s', (text, version) => {
    expect(parseProtocolVersion(ascii(text), 'server')).toBe(version)
  })

  it.each(['RFB 000.000\n', 'RFB 003.008 ', 'rfb 003.008\n', 'RFB 03.0008\n', 'GET / HTTP/1'])(
    'refuses %j',
    (text) => {
      expect(() => parseProtocolVersion(ascii(text), 'client')).toThrow(
        new RfbProtocolError(
          'client',
          'the browser did not send an RFB ProtocolVersion (RFB 003.00x)',
        ),
      )
    },
  )
})
