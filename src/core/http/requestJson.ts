import {
  ConsoleError,
  type ConsoleErrorKind,
  type ConsoleErrorProvider,
} from '../errors/ConsoleError.js'
import { providerName } from '../errors/providerName.js'
import { redactSecrets } from '../errors/redactSecrets.js'
import { resolveOnPage } from './resolveOnPage.js'

export interface JsonRequest {
  provider: ConsoleErrorProvider
  url: string
  /** Sent with `accept` (and `content-type` with a body): `application/json`. */
  headers: Record<string, string>
  /** JSON to POST; none makes the request a GET. */
  body?: string | undefined
  fetch?: typeof fetch
  signal?: AbortSignal
  timeoutMs?: number
  /** Values that must never appear in an error message. */
  secrets: readonly (string | undefined)[]
}

export interface JsonResponse {
  status: number
  /** The status is 2xx. */
  ok: boolean
  /** The parsed body, or undefined when it is not JSON. */
  json: unknown
  /** The body looks like an HTML page (a proxy's error page, or a UI instead of the API). */
  html: boolean
}

export const DEFAULT_TIMEOUT_MS = 15_000

/**
 * POSTs JSON (or GETs, without a body) and reads the whole answer under one timeout. Turns transport failures into
 * `network`, `timeout` and `aborted` errors; the caller maps statuses and bodies.
 */
export async function requestJson(request: JsonRequest): Promise<JsonResponse> {
  const { provider, signal, timeoutMs = DEFAULT_TIMEOUT_MS } = request
  let { url } = request
  const name = providerName(provider)
  const fail = (kind: ConsoleErrorKind, message: string, cause?: unknown) =>
    new ConsoleError({ kind, provider, message, cause })
  if (!(timeoutMs > 0)) {
    throw fail('invalid_input', 'timeoutMs must be a positive number.')
  }
  // A path is resolved against the page (Node's fetch would not); a custom fetch gets it as given.
  if (url[0] === '/' && !request.fetch) url = resolveOnPage(url, provider).href
  // Whole milliseconds up to 2^31 - 1: Node refuses fractions and larger values, and browser timers
  // past 2^31 - 1 fire at once. Infinity means no timeout.
  const timeout =
    timeoutMs < Infinity
      ? AbortSignal.timeout(Math.min(Math.ceil(timeoutMs), 2 ** 31 - 1))
      : undefined
  try {
    // An aborted signal never fires 'abort' again: stop here, before any request.
    signal?.throwIfAborted()
    // Called as a plain function: browsers throw "Illegal invocation" for fetch called on another object.
    const { body } = request
    const response = await (request.fetch ?? fetch)(url, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...request.headers,
      },
      body,
      // One signal for the caller's and the timeout's: the catch tells them apart.
      signal: AbortSignal.any([signal, timeout].filter((s) => s !== undefined)),
    })
    const { status } = response
    const text = await response.text()
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      // Not JSON (an empty body included): `json` stays undefined.
    }
    return {
      status,
      ok: status > 199 && status < 300,
      json,
      html: json === undefined && /^\s*<(!doctype|html|head|body|\?xml)/i.test(text),
    }
  } catch (error) {
    // fetch says "fetch failed" / "Failed to fetch"; the useful part is in `cause` (ECONNREFUSED…).
    const { message = 'the request failed', cause } = error instanceof Error ? error : {}
    const detail =
      cause instanceof Error ? ` (${(cause as { code?: string }).code ?? cause.message})` : ''
    throw signal?.aborted
      ? fail('aborted', `The request to ${name} was cancelled.`, signal.reason)
      : timeout?.aborted
        ? fail('timeout', `${name} did not answer within ${timeoutMs / 1000} s.`)
        : ConsoleError.is(error)
          ? error
          : fail(
              'network',
              redactSecrets(
                `Could not reach ${name}: ${message}${detail}. Check the endpoint and the network.`,
                request.secrets,
              ),
            )
  }
}
