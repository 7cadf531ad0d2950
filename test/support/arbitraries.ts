import fc from 'fast-check'

/** A dotted-quad IPv4 address. */
export const ipv4 = fc
  .tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255))
  .map((parts) => parts.join('.'))

/** An IPv6 address in full form, sometimes compressed. */
export const ipv6 = fc
  .tuple(fc.array(fc.nat(0xffff), { minLength: 8, maxLength: 8 }), fc.boolean())
  .map(([groups, compress]) => {
    const full = groups.map((g) => g.toString(16)).join(':')
    return compress ? full.replace(/(^|:)0(:0)+(:|$)/, '::') : full
  })

const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?$/)

/** A plain DNS host name whose last label is not numeric (URL parsers would read it as IPv4). */
export const hostname = fc
  .tuple(
    fc.array(label, { minLength: 0, maxLength: 3 }),
    fc.stringMatching(/^[a-z][a-z0-9-]{0,8}[a-z]$/),
  )
  .map(([labels, tld]) => [...labels, tld].join('.'))
  // A label such as `xn--a` matches the pattern but is not valid punycode, so URLs refuse it.
  .filter((host) => URL.canParse(`http://${host}/`))

/** Any host a cloud may report. */
export const anyHost = fc.oneof(ipv4, ipv6, hostname)

/** Any text at all, including URL syntax, unicode and control characters. */
export const anyText = fc.string({ unit: 'binary', maxLength: 40 })

/** Any text with no control characters and no lone surrogates: a value a URL can carry. */
export const printableText = anyText.filter((s) => {
  // eslint-disable-next-line no-control-regex
  if (s.trim() === '' || /[\u0000-\u001f\u007f]/.test(s)) return false
  try {
    encodeURIComponent(s)
    return true
  } catch {
    return false
  }
})

/** Strings made to break URLs: delimiters, spaces, ports, userinfo, schemes. */
export const hostileHost = fc.oneof(
  fc
    .tuple(
      anyHost,
      fc.constantFrom('/', '?', '#', '@', ' ', ':80', '\\', '%2F', '\n', '&x=1'),
      anyHost,
    )
    .map(([a, sep, b]) => `${a}${sep}${b}`),
  fc.constantFrom(
    '',
    ' ',
    'evil.com:443',
    'user@evil.com',
    'a/b',
    '0x7f.1',
    '10',
    '[::1]:80',
    'javascript:alert(1)',
  ),
  anyText,
)

/** Standard base64 with padding, as CloudTower's proxy token. */
export const base64Token = fc
  .uint8Array({ minLength: 1, maxLength: 48 })
  .map((bytes) => Buffer.from(bytes).toString('base64'))

/** 32 hex digits, as CloudTower's raw_token. */
export const rawToken = fc.stringMatching(/^[0-9a-f]{32}$/)

/** The host as a URL parser normalises it (lowercase, IPv6 compressed, brackets). */
export function urlHostnameOf(host: string): string {
  return new URL(`http://${host.includes(':') ? `[${host}]` : host}/`).hostname
}
