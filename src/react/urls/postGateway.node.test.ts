import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { consoleErrorOf } from '../../../test/support/consoleErrorOf.js'
import { postGateway } from './postGateway.js'

const seen: { url?: string; body: string }[] = []
let status = 200
let answer = '{"ok":true}'
const server = createServer((request, response) => {
  let body = ''
  request.on('data', (chunk: Buffer) => (body += chunk.toString()))
  request.on('end', () => {
    seen.push({ url: request.url, body })
    response.writeHead(status, { 'content-type': 'application/json' }).end(answer)
  })
})
let base = ''
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise((resolve) => server.close(resolve)))

describe('postGateway', () => {
  it('POSTs the body as JSON to the route under the gateway path', async () => {
    const body = { provider: 'ecs', serverId: 's' } as const
    expect(await postGateway({ gateway: `${base}/consoles/`, route: '/state', body })).toEqual({
      ok: true,
    })
    expect(seen.at(-1)).toEqual({ url: '/consoles/state', body: JSON.stringify(body) })
  })

  it('turns an error body into its ConsoleError, and a bare 503 into service_unavailable', async () => {
    status = 409
    answer = '{"error":{"kind":"conflict","message":"Busy.","retryable":true,"code":"Ecs.0005"}}'
    const body = { provider: 'ecs', serverId: 's' } as const
    const error = await consoleErrorOf(postGateway({ gateway: base, route: '/power', body }))
    expect(error).toMatchObject({ kind: 'conflict', code: 'Ecs.0005', status: 409 })
    status = 503
    answer = '<html>down</html>'
    const away = await consoleErrorOf(postGateway({ gateway: base, route: '/power', body }))
    expect(away).toMatchObject({ kind: 'server', code: 'service_unavailable', status: 503 })
  })
})
