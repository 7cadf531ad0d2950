import { ConsoleError, type ConsoleErrorProvider } from './ConsoleError.js'

// Dot-separated labels of letters, digits and inner hyphens, 63 characters at most each.
const HOST_NAME = /^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.?$/i

/**
 * Checks that `value` is an IP literal or a plain host name and returns it as it goes into a URL
 * authority (IPv6 in brackets). Anything else (a port, a path, `@`, spaces) is refused rather than
 * spliced into a URL where it could change the host.
 */
export function toUrlHost(value: unknown, label: string, provider: ConsoleErrorProvider): string {
  if (typeof value === 'string') {
    const bare = value.replace(/^\[(.*)\]$/, '$1')
    if (bare.includes(':')) {
      if (/^[0-9a-f:.]+$/i.test(bare) && hostnameOf(`[${bare}]`)) return `[${bare}]`
    } else if (
      value.length < 254 &&
      HOST_NAME.test(value) &&
      // A URL must read the host exactly as written: a dotted-quad IPv4 address or a name passes;
      // IPv4 shorthands ("10", "0x7f.1", "1.2.3", "01.2.3.4", numbers to a URL parser) and labels
      // IDNA refuses ("xn--a") do not.
      hostnameOf(value) === value.toLowerCase()
    ) {
      return value
    }
  }
  throw new ConsoleError({
    kind: 'invalid_input',
    provider,
    message: `The ${label} is missing or not an IP address or host name.`,
  })
}

function hostnameOf(host: string): string | undefined {
  try {
    return new URL(`http://${host}/`).hostname
  } catch {
    return undefined
  }
}
