import { expect, it } from 'vitest'
import { parseRfbVersion } from './parseRfbVersion.ts'

it('speaks 3.8, 3.7 or 3.3, the latter also for unknown minors below 7', () => {
  expect(parseRfbVersion('RFB 003.008\n')).toBe('3.8')
  expect(parseRfbVersion('RFB 003.889\n')).toBe('3.8')
  expect(parseRfbVersion('RFB 003.007\n')).toBe('3.7')
  expect(parseRfbVersion('RFB 003.005\n')).toBe('3.3')
  expect(parseRfbVersion('RFB 003.003\n')).toBe('3.3')
})

it('refuses other major versions and malformed greetings', () => {
  expect(() => parseRfbVersion('RFB 004.000\n')).toThrow('unsupported RFB version "RFB 004.000\\n"')
  expect(() => parseRfbVersion('GET / HTTP/1')).toThrow('unsupported RFB version')
})
