import { createServer, type Server } from 'node:https'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTlsFetch } from '../../../src/server/providers/createTlsFetch.js'
import { selfSignedCertificate } from '../../support/selfSignedCertificate.ts'

// A lab cluster's self-signed certificate, made with the system's openssl.
let server: Server
let url: string
let cert: string
beforeAll(async () => {
  const pair = selfSignedCertificate()
  cert = pair.cert.toString('utf8')
  server = createServer({ key: pair.key, cert }, (request, response) => {
    let body = ''
    request.on('data', (c: Buffer) => (body += c.toString()))
    request.on('end', () => {
      response.writeHead(201, {
        'content-type': 'application/json',
        'x-seen': String(request.headers['x-test']),
      })
      response.end(JSON.stringify({ method: request.method, body }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/api`
})
afterAll(() => new Promise((resolve) => server.close(resolve)))

describe('createTlsFetch', () => {
  it('refuses a self-signed certificate by default', async () => {
    const tls = createTlsFetch()
    await expect(tls.fetch(url, { method: 'POST', body: 'x' })).rejects.toThrow(/fetch failed/)
    tls.close()
  })

  it('trusts the given CA, and sends and reads like fetch', async () => {
    const tls = createTlsFetch({ ca: cert })
    const response = await tls.fetch(url, {
      method: 'POST',
      headers: { 'x-test': 'yes' },
      body: '{"a":1}',
    })
    expect(response.status).toBe(201)
    expect(response.headers.get('x-seen')).toBe('yes')
    expect(await response.json()).toEqual({ method: 'POST', body: '{"a":1}' })
    tls.close()
  })

  it('accepts any certificate only when told rejectUnauthorized: false', async () => {
    const tls = createTlsFetch({ rejectUnauthorized: false })
    expect((await tls.fetch(url, { method: 'POST', body: '' })).status).toBe(201)
    tls.close()
  })

  it('honours an abort signal', async () => {
    const tls = createTlsFetch({ ca: cert })
    const controller = new AbortController()
    controller.abort()
    await expect(
      tls.fetch(url, { method: 'POST', body: '', signal: controller.signal }),
    ).rejects.toThrow()
    tls.close()
  })
})
