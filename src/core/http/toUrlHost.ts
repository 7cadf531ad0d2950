import { ConsoleError, type ConsoleErrorProvider } from '../errors/ConsoleError.js'

/**
 * Checks that `value` is an IP address or a host name and returns it as it goes into a URL
 * authority, as given (IPv6 in brackets). The URL parser must read it back as nothing but that
 * host, so no input (a port, a path, `@`, a space, an IPv4 shorthand like "10" that names another
 * address, a label IDNA refuses) can change where the URL points.
 */
export function toUrlHost(value: unknown, label: string, provider: ConsoleErrorProvider): string {
  // Names of letters, digits, hyphens and dots; IPv6 of hex digits, colons and dots.
  if (typeof value === 'string' && /^[a-z\d.:[\]-]+$/i.test(value)) {
    const host = /^[^[]*:/.test(value) ? `[${value}]` : value
    try {
      // Port 1, never a default one: the parser would drop ":80" from an input and hide it.
      const { href, hostname } = new URL(`http://${host}:1/`)
      // IPv6 may be written several ways (the parser shortens it); names and IPv4 must match.
      if (
        href === `http://${hostname}:1/` &&
        (host[0] === '[' || hostname === host.toLowerCase())
      ) {
        return host
      }
    } catch {
      // Not a host.
    }
  }
  throw new ConsoleError({
    kind: 'invalid_input',
    provider,
    message: `The ${label} is missing or not an IP address or host name.`,
  })
}
