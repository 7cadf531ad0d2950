import { ConsoleError, type ConsoleErrorProvider } from './ConsoleError.js'
import { parseHttpUrl } from './parseHttpUrl.js'
import { providerName } from './providerName.js'

/** An API endpoint: an absolute http(s) URL, or a same-origin path such as `/tower`. */
export interface NormalizedEndpoint {
  /** The endpoint without trailing slashes; `${base}/api` is a request URL. */
  base: string
  /** The parsed URL when the endpoint is absolute. */
  absolute?: URL
}

/**
 * Validates `endpoint` and strips trailing slashes. Rejects what would silently change the target:
 * other schemes, credentials in the URL, a query or fragment, protocol-relative `//host`.
 */
export function normalizeEndpoint(
  endpoint: unknown,
  provider: ConsoleErrorProvider,
): NormalizedEndpoint {
  // Spaces and backslashes are refused too: URL parsers drop or reinterpret them.
  if (typeof endpoint === 'string' && !/[\s\\?#]/.test(endpoint)) {
    if (/^\/(?!\/)/.test(endpoint)) return { base: endpoint.replace(/\/+$/, '') }
    const url = parseHttpUrl(endpoint)
    if (url) {
      const base = url.origin + url.pathname.replace(/\/+$/, '')
      return { base, absolute: new URL(base) }
    }
  }
  // One message for every rule: it never quotes the value, which may hold a password.
  throw new ConsoleError({
    kind: 'invalid_input',
    provider,
    message: `The ${providerName(provider)} endpoint must be like https://host or /path, with no user name, spaces, ? or #.`,
  })
}
