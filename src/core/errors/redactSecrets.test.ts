import { describe, expect, it } from 'vitest'
import { redactSecrets } from './redactSecrets.js'

describe('redactSecrets', () => {
  it('removes every known secret, plain and URL-encoded', () => {
    const secret = 'ab+c/d=='
    expect(redactSecrets(`x ${secret} y ${encodeURIComponent(secret)} z`, [secret])).toBe(
      'x *** y *** z',
    )
  })

  it('removes token-like query values even when unknown', () => {
    expect(redactSecrets('wss://h/websockify?token=abc&host=1.2.3.4', [])).toBe(
      'wss://h/websockify?token=***&host=1.2.3.4',
    )
    expect(redactSecrets('ws://h/?uuid=u&raw_token=ff&password=pw', [])).toBe(
      'ws://h/?uuid=u&raw_token=***&password=***',
    )
  })

  it('ignores empty and very short secrets, which would redact ordinary words', () => {
    expect(redactSecrets('a bc', ['', undefined, 'a'])).toBe('a bc')
  })
})
