/**
 * The scheme the browser used to reach the gateway: `X-Forwarded-Proto` from a TLS-terminating
 * proxy when present, else whether the socket itself is TLS. Trusting the header is safe for its
 * one use, the Origin check: a browser page cannot set it, and a non-browser can forge Origin anyway.
 */
export function requestScheme(
  forwardedProto: string | undefined,
  encrypted: boolean,
): 'http:' | 'https:' {
  const forwarded = forwardedProto?.split(',')[0]?.trim().toLowerCase()
  if (forwarded === 'https' || forwarded === 'http') return `${forwarded}:`
  return encrypted ? 'https:' : 'http:'
}
