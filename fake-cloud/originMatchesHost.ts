/**
 * Nova's console proxy check: a browser's `Origin` must name the host the socket was opened on
 * (the Host header). No Origin (not a browser) passes, as in Nova.
 */
export function originMatchesHost(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return true
  if (!host) return false
  try {
    return new URL(origin).host.toLowerCase() === host.toLowerCase()
  } catch {
    return false
  }
}
