import { describe, expect, it } from 'vitest'
import { ConsoleError } from '../../core/errors/ConsoleError.js'
import { gatewayConsoleOptions } from './gatewayConsoleOptions.js'

const answer = (status: number, body: unknown) =>
  (async () => new Response(JSON.stringify(body), { status })) as unknown as typeof fetch

describe('gatewayConsoleOptions', () => {
  it('turns the ticket path into a websocket URL on the gateway host', async () => {
    const calls: { url: string; init: RequestInit }[] = []
    const fetch = (async (url: string, init: RequestInit) => {
      calls.push({ url, init })
      return new Response(JSON.stringify({ url: '/consoles?ticket=abc', expiresInMs: 30000 }))
    }) as unknown as typeof globalThis.fetch
    const { getUrl, connectionKey } = gatewayConsoleOptions({
      gateway: 'https://portal.example/consoles',
      target: { provider: 'ecs', serverId: 's1' },
      headers: { 'x-csrf': 't' },
      fetch,
    })
    expect(await getUrl?.(new AbortController().signal)).toBe(
      'wss://portal.example/consoles?ticket=abc',
    )
    expect(calls[0]?.init.method).toBe('POST')
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({ provider: 'ecs', serverId: 's1' })
    expect(calls[0]?.init.headers).toMatchObject({
      'x-csrf': 't',
      'content-type': 'application/json',
    })
    expect(connectionKey).toBe('["https://portal.example/consoles","ecs","s1"]')
  })

  it('tells the mode of every console answer: observe, else control', async () => {
    const modes: string[] = []
    for (const mode of ['observe', 'control', undefined, 'superuser']) {
      const { getUrl } = gatewayConsoleOptions({
        gateway: 'https://portal.example/consoles',
        target: { provider: 'cloudtower', vmId: 'v' },
        fetch: answer(200, { url: '/consoles?ticket=t', mode }),
        onMode: (granted) => modes.push(granted),
      })
      await getUrl?.(new AbortController().signal)
    }
    expect(modes).toEqual(['observe', 'control', 'control', 'control'])
  })

  it('resolves a path gateway against the page', async () => {
    const { getUrl } = gatewayConsoleOptions({
      gateway: '/consoles',
      target: { provider: 'cloudtower', vmId: 'v' },
      fetch: answer(200, { url: '/consoles?ticket=t' }),
    })
    expect(await getUrl?.(new AbortController().signal)).toBe(
      `ws://${location.host}/consoles?ticket=t`,
    )
  })

  it('throws the gateway error as a ConsoleError', async () => {
    const { getUrl } = gatewayConsoleOptions({
      gateway: 'http://gw.example/consoles',
      target: { provider: 'cloudtower', vmId: 'v' },
      fetch: answer(429, {
        error: { kind: 'rate_limited', message: 'Slow down.', retryable: true },
      }),
    })
    const error = await getUrl?.(new AbortController().signal).catch((e: unknown) => e)
    expect(ConsoleError.is(error)).toBe(true)
    expect(error).toMatchObject({
      kind: 'rate_limited',
      status: 429,
      message: 'Slow down.',
      retryable: true,
      provider: 'cloudtower',
    })
  })

  it("keeps the gateway's error code, and reads any 503 as the service being away for a moment", async () => {
    const ask = (status: number, body: unknown) =>
      gatewayConsoleOptions({
        gateway: 'http://gw.example/consoles',
        target: { provider: 'ecs', serverId: 's' },
        fetch: answer(status, body),
      }).getUrl?.(new AbortController().signal)
    await expect(
      ask(502, {
        error: { kind: 'invalid_response', code: 'console_host_not_allowed', message: 'x' },
      }),
    ).rejects.toMatchObject({ kind: 'invalid_response', code: 'console_host_not_allowed' })
    await expect(
      ask(503, {
        error: { kind: 'server', code: 'service_unavailable', message: 'x', retryable: true },
      }),
    ).rejects.toMatchObject({ kind: 'server', code: 'service_unavailable', retryable: true })
    // A balancer's own 503 page.
    await expect(ask(503, 'no backend')).rejects.toMatchObject({
      kind: 'server',
      code: 'service_unavailable',
      status: 503,
    })
    // Not a code: left out.
    const odd = await ask(400, { error: { kind: 'invalid_input', code: '<b>x</b>' } })?.catch(
      (e: unknown) => e,
    )
    expect(odd).not.toHaveProperty('code')
  })

  it('refuses a ticket URL on another host, and is idle without a target', async () => {
    const { getUrl } = gatewayConsoleOptions({
      gateway: 'http://gw.example/consoles',
      target: { provider: 'ecs', serverId: 's' },
      fetch: answer(200, { url: 'ws://evil.example/x' }),
    })
    await expect(getUrl?.(new AbortController().signal)).rejects.toMatchObject({
      kind: 'invalid_response',
    })
    expect(gatewayConsoleOptions({ gateway: '/c', target: undefined })).toEqual({
      getUrl: undefined,
      connectionKey: undefined,
    })
  })
})
