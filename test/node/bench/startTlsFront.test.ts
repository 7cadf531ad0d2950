// The bench's TLS front (bench/lib/startTlsFront.ts) over real sockets: HTTP/2 requests reach the
// HTTP/1.1 server behind it with their host, body and answer, and websocket upgrades pass through.
import http from 'node:http'
import http2 from 'node:http2'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket, WebSocketServer } from 'ws'
import { startTlsFront } from '../../../bench/lib/startTlsFront.ts'

let origin: http.Server
let front: Awaited<ReturnType<typeof startTlsFront>>
beforeAll(async () => {
  origin = http.createServer((request, response) => {
    let body = ''
    request.on('data', (chunk: Buffer) => (body += chunk.toString()))
    request.on('end', () => {
      response.setHeader('x-seen-host', String(request.headers.host))
      response.setHeader('x-seen-proto', String(request.headers['x-forwarded-proto']))
      response.end(`${request.method} ${request.url} ${body}`)
    })
  })
  const sockets = new WebSocketServer({ server: origin })
  sockets.on('connection', (socket) => socket.on('message', (data) => socket.send(data)))
  await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve))
  front = await startTlsFront(`http://127.0.0.1:${(origin.address() as AddressInfo).port}`)
})
afterAll(async () => {
  await front.close()
  origin.closeAllConnections()
  await new Promise((resolve) => origin.close(resolve))
})

describe('startTlsFront', () => {
  it('forwards HTTP/2 requests to the HTTP/1.1 server behind it', async () => {
    const client = http2.connect(`https://127.0.0.1:${front.port}`, { rejectUnauthorized: false })
    try {
      const request = client.request({ ':method': 'POST', ':path': '/tower/api?x=1' })
      request.end('{"q":1}')
      const [headers, body] = await Promise.all([
        new Promise<http2.IncomingHttpHeaders>((resolve) => request.once('response', resolve)),
        new Promise<string>((resolve) => {
          let text = ''
          request.on('data', (chunk: Buffer) => (text += chunk.toString()))
          request.on('end', () => resolve(text))
        }),
      ])
      expect(headers[':status']).toBe(200)
      expect(body).toBe('POST /tower/api?x=1 {"q":1}')
      expect(headers['x-seen-host']).toBe(`127.0.0.1:${front.port}`)
      expect(headers['x-seen-proto']).toBe('https')
    } finally {
      client.close()
    }
  })

  it('passes websocket upgrades through', async () => {
    const socket = new WebSocket(`wss://127.0.0.1:${front.port}/ws`, { rejectUnauthorized: false })
    await new Promise((resolve, reject) => {
      socket.once('open', resolve)
      socket.once('error', reject)
    })
    const echoed = new Promise<string>((resolve) =>
      socket.once('message', (data: Buffer) => resolve(data.toString())),
    )
    socket.send('hello')
    expect(await echoed).toBe('hello')
    socket.close()
  })
})
