import { describe, expect, it } from 'vitest'
import { redactForLog } from './redactForLog.js'

describe('redactForLog', () => {
  it('removes secrets, token-like parameters, signatures and secret-named fields', () => {
    const out = redactForLog(
      {
        message:
          'wss://h/websockify?token=abc&ticket=T0k3n then SDK-HMAC-SHA256 Access=AK1, SignedHeaders=host, Signature=deadbeef with s3cr3t-value',
        password: 'hunter22',
        nested: { authToken: 'x', list: ['s3cr3t-value'] },
        error: new Error('failed with s3cr3t-value'),
      },
      ['s3cr3t-value'],
    )
    const text = JSON.stringify(out)
    for (const secret of ['abc', 'T0k3n', 'AK1', 'deadbeef', 's3cr3t-value', 'hunter22'])
      expect(text).not.toContain(secret)
    expect(text).toContain('failed with ***')
  })
  it('removes an echoed Authorization header value, whatever its scheme', () => {
    const text = redactForLog(
      'got "Authorization: Bearer eyJhbGciOi.abc" and authorization=Basic dXNlcg==',
      [],
    )
    expect(text).not.toMatch(/eyJhbGciOi|dXNlcg/)
    expect(text).toContain('Authorization: ***')
  })
})
