import { ConsoleError, type ConsoleErrorProvider } from '../errors/ConsoleError.js'
import { parseHttpUrl } from './parseHttpUrl.js'
import { providerName } from '../errors/providerName.js'

/**
 * Validates an API endpoint (an absolute http(s) URL, or a same-origin path such as `/tower`) and
 * returns it without trailing slashes, so `${endpoint}/api` is a request URL. Rejects what would
 * silently change the target: other schemes, credentials in the URL, a query or fragment,
 * protocol-relative `//host`.
 */
export function normalizeEndpoint(endpoint: unknown, provider: ConsoleErrorProvider): string {
  // Spaces and backslashes are refused too: URL parsers drop or reinterpret them.
  if (typeof endpoint === 'string' && !/[\s\\?#]/.test(endpoint)) {
    const path = /^\/(?!\/)/.test(endpoint)
    const url = path ? undefined : parseHttpUrl(endpoint)
    if (path || url) {
      return (url ? url.origin + url.pathname : endpoint).replace(/\/+$/, '')
    }
  }
  // One message for every rule: it never quotes the value, which may hold a password.
  throw new ConsoleError({
    kind: 'invalid_input',
    provider,
    message: `The ${providerName(provider)} endpoint must be like https://host or /path, with no user name, spaces, ? or #.`,
  })
}
