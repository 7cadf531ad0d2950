/**
 * Whether a browser's `Origin` may use the gateway. With no allow-list only the gateway's own
 * origin is allowed: the Origin's host must equal the Host header and its scheme the one the
 * browser reached the gateway by (`scheme`), so an `http:` page cannot speak for an `https:`
 * portal. Production should still list its origins: a Host header is what the client says it is.
 * A missing Origin (no browser) is allowed: the ticket or the portal's `authorize` is the key then.
 */
export function isOriginAllowed(
  origin: string | undefined,
  host: string | undefined,
  allowed?: readonly string[] | ((origin: string) => boolean),
  scheme?: 'http:' | 'https:',
): boolean {
  if (origin === undefined) return true
  if (typeof allowed === 'function') return allowed(origin)
  if (allowed)
    return allowed.some((entry) => entry.replace(/\/+$/, '').toLowerCase() === origin.toLowerCase())
  if (origin === 'null' || !host) return false
  try {
    const url = new URL(origin)
    return url.host.toLowerCase() === host.toLowerCase() && (!scheme || url.protocol === scheme)
  } catch {
    return false
  }
}
