import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { readBody } from './readBody.ts'

const servers: ReturnType<typeof createServer>[] = []
afterEach(() => {
  for (const server of servers.splice(0)) server.close()
})

async function echoLength(limit: number) {
  const server = createServer((request, response) => {
    readBody(request, limit).then(
      (text) => response.end(`ok ${text.length}`),
      () => response.writeHead(413).end(),
    )
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

describe('readBody', () => {
  it('reads UTF-8 text', async () => {
    const url = await echoLength(100)
    const response = await fetch(url, { method: 'POST', body: '用户' })
    expect(await response.text()).toBe('ok 2')
  })

  it('rejects bodies over the limit', async () => {
    const url = await echoLength(10)
    const result = await fetch(url, { method: 'POST', body: 'x'.repeat(10_000) }).then(
      (response) => response.status,
      () => 'reset',
    )
    expect([413, 'reset']).toContain(result)
  })
})
