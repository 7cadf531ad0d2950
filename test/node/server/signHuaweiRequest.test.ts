import { createHash, createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { signHuaweiRequest } from '../../../src/server/providers/signHuaweiRequest.js'

// The published vectors of Huawei's official Go SDK, core/auth/signer/signer_test.go
// (github.com/huaweicloud/huaweicloud-sdk-go-v3): AK "AccessKey", SK "SecretKey".
const SDK = { accessKey: 'AccessKey', secretKey: 'SecretKey' }
const DATE = { 'X-Sdk-Date': '20060102T150405Z' }

describe('signHuaweiRequest', () => {
  it('matches the SDK vector for a GET with a query', () => {
    const { headers } = signHuaweiRequest({
      ...SDK,
      method: 'GET',
      url: 'https://example.huaweicloud.com/path?limit=1',
      headers: { ...DATE, TEST_UNDERSCORE: 'TEST_VALUE' },
    })
    expect(headers.Authorization).toBe(
      'SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, ' +
        'Signature=5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624',
    )
    expect(headers['X-Sdk-Date']).toBe('20060102T150405Z')
  })

  it('matches the SDK vector for a POST with a JSON body (Go encodes it with a newline)', () => {
    const { headers } = signHuaweiRequest({
      ...SDK,
      method: 'POST',
      url: 'https://example.huaweicloud.com/path?key=value',
      headers: { ...DATE, TEST_UNDERSCORE: 'TEST_VALUE', 'Content-Type': 'application/json' },
      body: '{"Name":"test","Id":1}\n',
    })
    expect(headers.Authorization).toBe(
      'SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, ' +
        'Signature=cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59',
    )
  })

  it('canonicalises the query like the SDK (its canonicalQueryString vector)', () => {
    const query = new URLSearchParams([
      ['limit', '1'],
      ['enable', 'true'],
      ['test', '一 (&=?!#%.*)'],
      ['path', '/tmp/123'],
      ['multi', '3'],
      ['multi', '1'],
      ['multi', '2'],
    ])
    const { canonicalRequest } = signHuaweiRequest({
      ...SDK,
      method: 'get',
      url: `https://h.example/a b/c?${query}`,
      headers: DATE,
    })
    const lines = canonicalRequest.split('\n')
    expect(lines[0]).toBe('GET')
    expect(lines[1]).toBe('/a%20b/c/')
    expect(lines[2]).toBe(
      'enable=true&limit=1&multi=1&multi=2&multi=3&path=%2Ftmp%2F123&test=%E4%B8%80%20%28%26%3D%3F%21%23%25.%2A%29',
    )
  })

  it('signs host and project headers and stamps the date when none is given', () => {
    const body = '{"remote_console":{"protocol":"vnc","type":"novnc"}}'
    const { headers, canonicalRequest } = signHuaweiRequest({
      ...SDK,
      method: 'POST',
      url: 'https://ecs.cn-north-4.myhuaweicloud.com/v1/p/cloudservers/s/remote_console',
      headers: {
        Host: 'ecs.cn-north-4.myhuaweicloud.com',
        'X-Project-Id': 'p',
        'content-type': 'application/json',
      },
      body,
      date: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)),
    })
    expect(headers['X-Sdk-Date']).toBe('20240102T030405Z')
    expect(headers.Authorization).toMatch(
      /SignedHeaders=host;x-project-id;x-sdk-date, Signature=[0-9a-f]{64}$/,
    )
    // Recomputed from the algorithm as Huawei documents it.
    const expected = [
      'POST',
      '/v1/p/cloudservers/s/remote_console/',
      '',
      'host:ecs.cn-north-4.myhuaweicloud.com\nx-project-id:p\nx-sdk-date:20240102T030405Z\n',
      'host;x-project-id;x-sdk-date',
      createHash('sha256').update(body).digest('hex'),
    ].join('\n')
    expect(canonicalRequest).toBe(expected)
    const sts = `SDK-HMAC-SHA256\n20240102T030405Z\n${createHash('sha256').update(expected).digest('hex')}`
    expect(headers.Authorization).toContain(
      createHmac('sha256', 'SecretKey').update(sts).digest('hex'),
    )
  })

  it('refuses empty keys', () => {
    expect(() =>
      signHuaweiRequest({
        accessKey: '',
        secretKey: 'x',
        method: 'GET',
        url: 'https://h/',
        headers: {},
      }),
    ).toThrow(/both keys/)
  })
})
