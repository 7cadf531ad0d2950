import { ConsoleError, type ConsoleErrorProvider } from './ConsoleError.js'

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/
const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i
// URL parsers read a host whose last label is a number ("10", "0x7f") as an IPv4 address.
const NUMERIC_LABEL = /^(\d+|0x[0-9a-f]*)$/i

/**
 * Checks that `value` is an IP literal or a plain host name and returns it as it goes into a URL
 * authority (IPv6 in brackets). Anything else (a port, a path, `@`, spaces) is refused rather than
 * spliced into a URL where it could change the host.
 */
export function toUrlHost(value: unknown, label: string, provider: ConsoleErrorProvider): string {
  const fail = (why: string) =>
    new ConsoleError({ kind: 'invalid_input', provider, message: `The ${label} ${why}.` })
  if (typeof value !== 'string' || value === '') throw fail('is missing')
  if (IPV4.test(value)) return value
  const bare = value.startsWith('[') && value.endsWith(']') ? value.slice(1, -1) : value
  if (bare.includes(':')) {
    if (!/^[0-9a-f:.]+$/i.test(bare) || !parses(`[${bare}]`))
      throw fail('is not a valid IPv6 address')
    return `[${bare}]`
  }
  if (value.length > 253) throw fail('is too long')
  const labels = value.replace(/\.$/, '').split('.')
  // `parses` catches what the label rule lets through but IDNA refuses, such as `xn--a`.
  if (
    !labels.every((l) => LABEL.test(l)) ||
    NUMERIC_LABEL.test(labels[labels.length - 1] ?? '') ||
    !parses(value)
  ) {
    throw fail('is not an IP address or a plain host name')
  }
  return value
}

function parses(host: string): boolean {
  try {
    return new URL(`http://${host}/`).hostname !== ''
  } catch {
    return false
  }
}
