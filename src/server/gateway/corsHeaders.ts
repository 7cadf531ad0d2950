import { isOriginAllowed } from '../isOriginAllowed.js'
import type { ConsoleGatewayOptions } from '../types.js'
import { tokenList } from './tokenList.js'

const MAX_REQUEST_HEADERS = 32

/** The CORS headers for a request from another origin that `allowedOrigins` lets in; none otherwise. */
export function corsHeaders(
  headers: Readonly<Record<string, string | undefined>>,
  allowedOrigins: ConsoleGatewayOptions['allowedOrigins'],
): Record<string, string> {
  const { origin, host } = headers
  // Only origins other than our own need CORS; they were allowed explicitly.
  if (!origin || !allowedOrigins || isOriginAllowed(origin, host)) return {}
  if (!isOriginAllowed(origin, host, allowedOrigins)) return {}
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-credentials': 'true',
    'access-control-allow-methods': 'POST',
    // The headers the page's preflight asks for (GatewayConsole's `headers`, e.g. a CSRF
    // token): an allowed origin may send them, as long as they are header names.
    'access-control-allow-headers': allowedRequestHeaders(
      headers['access-control-request-headers'],
    ),
    vary: 'Origin, Access-Control-Request-Headers',
  }
}

/** What a CORS preflight may send: the header names it asks for, if they are names; content-type always. */
function allowedRequestHeaders(requested: string | undefined): string {
  const names = requested?.trim() ? tokenList(requested.toLowerCase()) : []
  if (!names || names.length > MAX_REQUEST_HEADERS) return 'content-type'
  return [...new Set(['content-type', ...names])].join(', ')
}
