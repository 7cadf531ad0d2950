import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { anyHost, anyText, printableText } from '../../../test/support/arbitraries.js'
import { buildEcsConsoleUrl } from './buildEcsConsoleUrl.js'
import { ConsoleError } from '../errors/ConsoleError.js'

const RUNS = { numRuns: 1_000 }
// 1,000 cases take well under a second alone, but CI runs browsers and QEMU beside them.
const PROPERTY_TIMEOUT = 30_000
// The seed document's example, with the masked token filled in.
const SEED_URL =
  'https://nova-novncproxy.az1.dc1.domainname.com:8002/vnc_auto.html?token=0fda3eca-8232-4249-8a5e-1f2e3d4c5b6a&lang=EN&tLength=70'

function rejects(build: () => unknown): ConsoleError {
  try {
    build()
  } catch (error) {
    expect(error).toBeInstanceOf(ConsoleError)
    expect(error).toMatchObject({ kind: 'invalid_input', provider: 'ecs' })
    return error as ConsoleError
  }
  throw new Error('expected a ConsoleError')
}

describe('buildEcsConsoleUrl', () => {
  it('turns the documented Huawei page URL into its websocket', () => {
    expect(buildEcsConsoleUrl(SEED_URL)).toBe(
      'wss://nova-novncproxy.az1.dc1.domainname.com:8002/websockify?token=0fda3eca-8232-4249-8a5e-1f2e3d4c5b6a',
    )
  })

  it('takes the remote_console object as well as the URL', () => {
    expect(buildEcsConsoleUrl({ type: 'novnc', protocol: 'vnc', url: SEED_URL })).toBe(
      buildEcsConsoleUrl(SEED_URL),
    )
  })

  it('turns the OpenStack Nova page URL into its websocket', () => {
    expect(
      buildEcsConsoleUrl('https://nova.example.com:6080/vnc_auto.html?path=%3Ftoken%3Dabc-123'),
    ).toBe('wss://nova.example.com:6080/?token=abc-123')
    expect(
      buildEcsConsoleUrl('http://nova.example.com/vnc_lite.html?path=websockify%3Ftoken%3Dt1'),
    ).toBe('ws://nova.example.com/websockify?token=t1')
  })

  it('maps http to ws and https to wss, unless secure says otherwise', () => {
    expect(buildEcsConsoleUrl('http://10.0.0.5:6080/vnc_auto.html?token=t')).toBe(
      'ws://10.0.0.5:6080/websockify?token=t',
    )
    expect(
      buildEcsConsoleUrl('http://10.0.0.5:6080/vnc_auto.html?token=t', { secure: true }),
    ).toMatch(/^wss:/)
    expect(buildEcsConsoleUrl(SEED_URL, { secure: false })).toMatch(/^ws:/)
  })

  it.each([
    ['a javascript: URL', 'javascript:alert(1)//?token=x'],
    ['a data: URL', 'data:text/html,<script>?token=x'],
    ['a file: URL', 'file:///etc/passwd?token=x'],
    ['an ftp: URL', 'ftp://host/vnc_auto.html?token=x'],
    ['no token', 'https://host/vnc_auto.html?lang=EN'],
    ['an empty token', 'https://host/vnc_auto.html?token='],
    ['a Nova path without a token', 'https://host/vnc_auto.html?path=%3Ffoo%3D1'],
    [
      'a Nova path to another host',
      'https://host/vnc_auto.html?path=%2F%2Fevil.com%2F%3Ftoken%3Dx',
    ],
    [
      'a Nova path with another scheme',
      'https://host/vnc_auto.html?path=http%3A%2F%2Fhost%2F%3Ftoken%3Dx',
    ],
    ['credentials in the URL', 'https://u:p@host/vnc_auto.html?token=x'],
    ['not a URL', 'vnc_auto.html?token=x'],
    ['nothing', ''],
  ])('refuses %s', (_, url) => {
    const error = rejects(() => buildEcsConsoleUrl(url))
    expect(error.message).not.toContain('token=x')
  })

  it('refuses an object without a url', () => {
    rejects(() => buildEcsConsoleUrl({} as never))
    rejects(() => buildEcsConsoleUrl(null as never))
  })
})

describe('buildEcsConsoleUrl, properties', () => {
  const page = fc.record({
    scheme: fc.constantFrom('http', 'https'),
    host: anyHost,
    port: fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
    path: fc.constantFrom('/vnc_auto.html', '/vnc_lite.html', '/console/vnc_auto.html'),
    token: printableText,
    secure: fc.option(fc.boolean(), { nil: undefined }),
  })
  type Page = typeof page extends fc.Arbitrary<infer T> ? T : never
  const pageUrl = (p: Page, query: Record<string, string>) => {
    const host = p.host.includes(':') ? `[${p.host}]` : p.host
    const url = new URL(`${p.scheme}://${host}${p.port === undefined ? '' : `:${p.port}`}${p.path}`)
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v)
    return url
  }
  // The socket keeps the page's host and its explicit port; with no explicit port (or the page
  // scheme's default), it is the socket scheme's default. `ws://h:80` is written `ws://h`.
  const defaultPort = (url: URL) => (url.protocol === 'wss:' ? '443' : '80')
  const sameEndpoint = (url: URL, source: URL) => {
    expect(url.hostname).toBe(source.hostname)
    expect(url.port || defaultPort(url)).toBe(source.port || defaultPort(url))
  }
  const expectedScheme = (p: Page) => ((p.secure ?? p.scheme === 'https') ? 'wss:' : 'ws:')

  it(
    'Huawei form: same host and port, the token round-trips, nothing else added',
    () => {
      fc.assert(
        fc.property(page, (p) => {
          const source = pageUrl(p, { token: p.token, lang: 'EN', tLength: '70' })
          const url = new URL(buildEcsConsoleUrl(source.href, { secure: p.secure }))
          expect(url.protocol).toBe(expectedScheme(p))
          sameEndpoint(url, source)
          expect(url.pathname).toBe('/websockify')
          expect([...url.searchParams.keys()]).toEqual(['token'])
          expect(url.searchParams.get('token')).toBe(p.token)
        }),
        RUNS,
      )
    },
    PROPERTY_TIMEOUT,
  )

  it(
    'Nova form: same host and port, the token round-trips, nothing else added',
    () => {
      fc.assert(
        fc.property(page, (p) => {
          const source = pageUrl(p, { path: `?token=${encodeURIComponent(p.token)}` })
          const url = new URL(
            buildEcsConsoleUrl(
              { type: 'novnc', protocol: 'vnc', url: source.href },
              { secure: p.secure },
            ),
          )
          expect(url.protocol).toBe(expectedScheme(p))
          sameEndpoint(url, source)
          expect(url.pathname).toBe('/')
          expect([...url.searchParams.keys()]).toEqual(['token'])
          expect(url.searchParams.get('token')).toBe(p.token)
        }),
        RUNS,
      )
    },
    PROPERTY_TIMEOUT,
  )

  it(
    'any string either is refused or yields a socket on the page host',
    () => {
      const hostile = fc.oneof(
        anyText,
        fc
          .tuple(
            fc.constantFrom('https://h/x?token=', 'https://h/x?path=', 'javascript:', 'https://'),
            anyText,
          )
          .map(([a, b]) => a + b),
      )
      fc.assert(
        fc.property(hostile, (input) => {
          let built: string
          try {
            built = buildEcsConsoleUrl(input)
          } catch (error) {
            expect(error).toBeInstanceOf(ConsoleError)
            expect((error as ConsoleError).kind).toBe('invalid_input')
            return
          }
          const url = new URL(built)
          expect(['ws:', 'wss:']).toContain(url.protocol)
          expect(url.host).toBe(new URL(input).host)
          expect([...url.searchParams.keys()]).toEqual(['token'])
        }),
        RUNS,
      )
    },
    PROPERTY_TIMEOUT,
  )
})
