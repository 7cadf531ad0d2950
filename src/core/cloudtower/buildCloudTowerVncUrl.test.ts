import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  anyHost,
  base64Token,
  hostileHost,
  printableText,
  rawToken,
  urlHostnameOf,
} from '../../../test/support/arbitraries.js'
import { buildCloudTowerVncUrl } from './buildCloudTowerVncUrl.js'
import type { CloudTowerVnc } from './CloudTowerVnc.js'
import { ConsoleError } from '../errors/ConsoleError.js'

// The seed document's example answer.
const SEED: CloudTowerVnc = {
  raw_token: '1a2bc3d4567e89f0a1b2c3d4e5f6a7b8',
  token: 'MTIzNDU2Nzg5YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXo=',
  vm_uuid: '00000000-0000-0000-0000-000000000000',
  cluster_ip: '192.168.5.2',
  host_ip: '192.168.5.4',
}
const RUNS = { numRuns: 1_000 }
// 1,000 cases take well under a second alone, but CI runs browsers and QEMU beside them.
const PROPERTY_TIMEOUT = 30_000

afterEach(() => vi.unstubAllGlobals())

function rejects(build: () => unknown): ConsoleError {
  try {
    build()
  } catch (error) {
    expect(error).toBeInstanceOf(ConsoleError)
    expect(error).toMatchObject({ kind: 'invalid_input', provider: 'cloudtower' })
    return error as ConsoleError
  }
  throw new Error('expected a ConsoleError')
}

describe('buildCloudTowerVncUrl, the documented examples', () => {
  it('builds the direct link of the documentation', () => {
    expect(buildCloudTowerVncUrl(SEED, { mode: 'direct' })).toBe(
      'wss://192.168.5.2/websockify/?uuid=00000000-0000-0000-0000-000000000000&token=1a2bc3d4567e89f0a1b2c3d4e5f6a7b8&host=192.168.5.4',
    )
  })

  it('builds the proxy link of the documentation (corrected: the endpoint, and eXo%3D)', () => {
    const url = buildCloudTowerVncUrl(SEED, { mode: 'proxy', endpoint: 'https://192.168.5.1' })
    expect(url).toBe(
      'wss://192.168.5.1/websockify/?token=MTIzNDU2Nzg5YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXo%3D&host=192.168.5.4&uuid=00000000-0000-0000-0000-000000000000',
    )
    // The documentation's own example lists the parameters in another order; they mean the same.
    const documented = new URL(
      'wss://192.168.5.1/websockify/?token=MTIzNDU2Nzg5YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXo%3D&uuid=00000000-0000-0000-0000-000000000000&host=192.168.5.4',
    )
    const built = new URL(url)
    for (const key of ['token', 'uuid', 'host']) {
      expect(built.searchParams.get(key)).toBe(documented.searchParams.get(key))
    }
  })
})

describe('buildCloudTowerVncUrl, schemes and endpoints', () => {
  it('carries any printable vm_uuid, spaces and & included, as one encoded value', () => {
    const url = new URL(
      buildCloudTowerVncUrl({ ...SEED, vm_uuid: ' vm 01&x=1' }, { mode: 'direct' }),
    )
    expect(url.searchParams.get('uuid')).toBe(' vm 01&x=1')
    expect([...url.searchParams.keys()]).toEqual(['uuid', 'token', 'host'])
  })

  it('follows the page for direct links, and secure overrides', () => {
    vi.stubGlobal('location', new URL('http://portal.local/'))
    expect(buildCloudTowerVncUrl(SEED, { mode: 'direct' })).toMatch(/^ws:\/\//)
    expect(buildCloudTowerVncUrl(SEED, { mode: 'direct', secure: true })).toMatch(/^wss:\/\//)
    vi.stubGlobal('location', new URL('https://portal.example.com/'))
    expect(buildCloudTowerVncUrl(SEED, { mode: 'direct' })).toMatch(/^wss:\/\//)
    expect(buildCloudTowerVncUrl(SEED, { mode: 'direct', secure: false })).toMatch(/^ws:\/\//)
  })

  it('adds a port to direct links when asked, and validates it', () => {
    expect(buildCloudTowerVncUrl(SEED, { mode: 'direct', port: 8443 })).toMatch(
      /^wss:\/\/192\.168\.5\.2:8443\/websockify\/\?/,
    )
    for (const port of [0, 65536, 1.5, Number.NaN]) {
      rejects(() => buildCloudTowerVncUrl(SEED, { mode: 'direct', port }))
    }
  })

  it('follows the endpoint for proxy links: http → ws, https → wss, port and path kept', () => {
    expect(
      buildCloudTowerVncUrl(SEED, { mode: 'proxy', endpoint: 'http://tower.local:8080/' }),
    ).toMatch(/^ws:\/\/tower\.local:8080\/websockify\/\?token=/)
    expect(
      buildCloudTowerVncUrl(SEED, { mode: 'proxy', endpoint: 'https://portal.example.com/tower' }),
    ).toMatch(/^wss:\/\/portal\.example\.com\/tower\/websockify\/\?token=/)
    expect(
      buildCloudTowerVncUrl(SEED, {
        mode: 'proxy',
        endpoint: 'https://t.example.com',
        secure: false,
      }),
    ).toMatch(/^ws:\/\//)
  })

  it('resolves a path endpoint against the page', () => {
    vi.stubGlobal('location', new URL('https://portal.example.com/vms/42'))
    expect(buildCloudTowerVncUrl(SEED, { mode: 'proxy', endpoint: '/tower' })).toMatch(
      /^wss:\/\/portal\.example\.com\/tower\/websockify\/\?token=/,
    )
  })

  it('refuses a path endpoint with no page, and an unknown mode', () => {
    rejects(() => buildCloudTowerVncUrl(SEED, { mode: 'proxy', endpoint: '/tower' }))
    rejects(() => buildCloudTowerVncUrl(SEED, { mode: 'tunnel' } as never))
    rejects(() => buildCloudTowerVncUrl(null as never, { mode: 'direct' }))
  })

  it('brackets IPv6 clusters and keeps the host parameter bare', () => {
    const url = buildCloudTowerVncUrl(
      { ...SEED, cluster_ip: 'fd00::2', host_ip: 'fd00::4' },
      { mode: 'direct' },
    )
    expect(url).toMatch(/^wss:\/\/\[fd00::2\]\/websockify\//)
    expect(new URL(url).searchParams.get('host')).toBe('fd00::4')
  })

  it.each([
    ['a cluster_ip with a port', { cluster_ip: '192.168.5.2:443' }],
    ['a cluster_ip with a path', { cluster_ip: 'evil.com/x' }],
    ['a cluster_ip with userinfo', { cluster_ip: 'user@evil.com' }],
    ['a host_ip with a query', { host_ip: '1.2.3.4&uuid=x' }],
    ['a host_ip with a space', { host_ip: '1.2.3.4 ' }],
    ['a raw_token that is not hex', { raw_token: 'zz' }],
    ['an empty vm_uuid', { vm_uuid: '' }],
    ['a vm_uuid with a lone surrogate', { vm_uuid: 'vm-\ud800' }],
    ['a vm_uuid with a control character', { vm_uuid: 'vm\u0000' }],
  ])('refuses %s', (_, patch) => {
    const error = rejects(() => buildCloudTowerVncUrl({ ...SEED, ...patch }, { mode: 'direct' }))
    expect(error.message).not.toContain(SEED.raw_token)
  })

  it('refuses a proxy token that is not base64, without quoting it', () => {
    const error = rejects(() =>
      buildCloudTowerVncUrl(
        { ...SEED, token: 'abc&host=evil' },
        { mode: 'proxy', endpoint: 'https://t.example.com' },
      ),
    )
    expect(error.message).not.toContain('abc&host=evil')
  })
})

describe('buildCloudTowerVncUrl, properties', () => {
  const vnc = fc.record({
    vm_uuid: printableText,
    host_ip: anyHost,
    cluster_ip: anyHost,
    raw_token: rawToken,
    token: base64Token,
  })

  it(
    'direct: a ws(s) URL on exactly cluster_ip whose query round-trips every value',
    () => {
      fc.assert(
        fc.property(vnc, fc.option(fc.boolean(), { nil: undefined }), (v, secure) => {
          const url = new URL(buildCloudTowerVncUrl(v, { mode: 'direct', secure }))
          expect(url.protocol).toBe(secure === false ? 'ws:' : 'wss:')
          expect(url.hostname).toBe(urlHostnameOf(v.cluster_ip))
          expect(url.port).toBe('')
          expect(url.pathname).toBe('/websockify/')
          expect([...url.searchParams.keys()]).toEqual(['uuid', 'token', 'host'])
          expect(url.searchParams.get('uuid')).toBe(v.vm_uuid)
          expect(url.searchParams.get('token')).toBe(v.raw_token)
          expect(url.searchParams.get('host')).toBe(v.host_ip)
          expect(url.hash).toBe('')
        }),
        RUNS,
      )
    },
    PROPERTY_TIMEOUT,
  )

  it(
    'proxy: a ws(s) URL on exactly the endpoint host whose query round-trips every value',
    () => {
      const endpoint = fc.record({
        scheme: fc.constantFrom('http', 'https'),
        host: anyHost,
        port: fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
      })
      fc.assert(
        fc.property(vnc, endpoint, ({ ...v }, e) => {
          const host = e.host.includes(':') ? `[${e.host}]` : e.host
          const base = `${e.scheme}://${host}${e.port === undefined ? '' : `:${e.port}`}`
          const url = new URL(buildCloudTowerVncUrl(v, { mode: 'proxy', endpoint: base }))
          expect(url.protocol).toBe(e.scheme === 'https' ? 'wss:' : 'ws:')
          expect(url.host).toBe(new URL(base).host)
          expect(url.pathname).toBe('/websockify/')
          expect([...url.searchParams.keys()]).toEqual(['token', 'host', 'uuid'])
          expect(url.searchParams.get('token')).toBe(v.token)
          expect(url.searchParams.get('host')).toBe(v.host_ip)
          expect(url.searchParams.get('uuid')).toBe(v.vm_uuid)
        }),
        RUNS,
      )
    },
    PROPERTY_TIMEOUT,
  )

  it(
    'hostile hosts are refused, never embedded',
    () => {
      fc.assert(
        fc.property(vnc, hostileHost, fc.boolean(), (v, bad, inCluster) => {
          const input = inCluster ? { ...v, cluster_ip: bad } : { ...v, host_ip: bad }
          let url: URL
          try {
            url = new URL(buildCloudTowerVncUrl(input, { mode: 'direct' }))
          } catch (error) {
            expect(error).toBeInstanceOf(ConsoleError)
            expect((error as ConsoleError).kind).toBe('invalid_input')
            return
          }
          // Only a string that really is a plain host may pass, and then it is exactly the host.
          expect(url.hostname).toBe(urlHostnameOf(input.cluster_ip.replace(/^\[(.*)\]$/, '$1')))
          expect([...url.searchParams.keys()]).toEqual(['uuid', 'token', 'host'])
          expect(url.searchParams.get('host')).toBe(input.host_ip.replace(/^\[(.*)\]$/, '$1'))
        }),
        RUNS,
      )
    },
    PROPERTY_TIMEOUT,
  )
})
