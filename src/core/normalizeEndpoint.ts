import { ConsoleError, type ConsoleErrorProvider } from './ConsoleError.js'
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
  const name = providerName(provider)
  const fail = (why: string) =>
    new ConsoleError({
      kind: 'invalid_input',
      provider,
      message: `The ${name} endpoint ${why}. Use an address such as https://host or a path such as /api-proxy.`,
    })
  if (typeof endpoint !== 'string' || endpoint.trim() === '') throw fail('is missing')
  if (endpoint !== endpoint.trim() || /[\s\\]/.test(endpoint)) throw fail('contains spaces')
  if (endpoint.startsWith('/')) {
    if (endpoint.startsWith('//')) throw fail('must not start with //')
    if (/[?#]/.test(endpoint)) throw fail('must not contain ? or #')
    return { base: endpoint.replace(/\/+$/, '') }
  }
  let url: URL
  try {
    url = new URL(endpoint)
  } catch {
    throw fail('is not a valid address')
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw fail('must use http or https')
  if (url.username || url.password) throw fail('must not contain a user name or password')
  if (url.search || url.hash || /[?#]/.test(endpoint)) throw fail('must not contain ? or #')
  const base = `${url.origin}${url.pathname.replace(/\/+$/, '')}`
  return { base, absolute: new URL(base) }
}
