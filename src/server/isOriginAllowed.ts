/**
 * Whether a browser's `Origin` may use the gateway. With no allow-list only the gateway's own
 * host (the Host header) is allowed. A missing Origin (no browser) is allowed: the ticket or the
 * portal's `authorize` is the key then.
 */
export function isOriginAllowed(
  origin: string | undefined,
  host: string | undefined,
  allowed?: readonly string[] | ((origin: string) => boolean),
): boolean {
  if (origin === undefined) return true
  if (typeof allowed === 'function') return allowed(origin)
  if (allowed)
    return allowed.some((entry) => entry.replace(/\/+$/, '').toLowerCase() === origin.toLowerCase())
  if (origin === 'null' || !host) return false
  try {
    return new URL(origin).host.toLowerCase() === host.toLowerCase()
  } catch {
    return false
  }
}
