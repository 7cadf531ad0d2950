import { ConsoleError, type ConsoleErrorKind, type ConsoleErrorProvider } from './ConsoleError.js'
import { providerName } from './providerName.js'
import { redactSecrets } from './redactSecrets.js'

export interface JsonRequest {
  provider: ConsoleErrorProvider
  url: string
  /** Sent with `accept` and `content-type: application/json`. */
  headers: Record<string, string>
  body: string
  fetch?: typeof fetch
  signal?: AbortSignal
  timeoutMs?: number
  /** Values that must never appear in an error message. */
  secrets: readonly (string | undefined)[]
}

export interface JsonResponse {
  status: number
  statusText: string
  /** The status is 2xx. */
  ok: boolean
  /** The parsed body, or undefined when it is not JSON. */
  json: unknown
  /** The body looks like an HTML page (a proxy's error page, or a UI instead of the API). */
  html: boolean
}

export const DEFAULT_TIMEOUT_MS = 15_000

/**
 * POSTs JSON and reads the whole answer under one timeout. Turns transport failures into
 * `network`, `timeout` and `aborted` errors; the caller maps statuses and bodies.
 */
export async function requestJson(request: JsonRequest): Promise<JsonResponse> {
  const { provider, signal } = request
  const name = providerName(provider)
  const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const fail = (kind: ConsoleErrorKind, message: string, cause?: unknown) =>
    new ConsoleError({ kind, provider, message, cause })
  if (!(timeoutMs > 0)) {
    throw fail('invalid_input', 'timeoutMs must be a positive number.')
  }
  let { url } = request
  // The platform's fetch resolves a path against the page; a custom fetch gets the path as given.
  if (url.startsWith('/') && !request.fetch) {
    if (typeof location === 'undefined') {
      throw fail(
        'invalid_input',
        'A path endpoint needs a browser page; use an absolute URL or pass fetch.',
      )
    }
    url = new URL(url, location.href).href
  }

  // One controller for the caller's signal and the timeout: the catch tells them apart.
  const controller = new AbortController()
  const abort = () => controller.abort()
  signal?.addEventListener('abort', abort)
  // An infinite timeout means none: setTimeout would fire at once.
  const timer = timeoutMs < Infinity ? setTimeout(abort, timeoutMs) : undefined
  try {
    // An aborted signal never fires 'abort' again: stop here, before any request.
    signal?.throwIfAborted()
    // Called as a plain function: browsers throw "Illegal invocation" for fetch called on another object.
    const response = await (request.fetch ?? fetch)(url, {
      method: 'POST',
      headers: {
        accept: 'application/json',
        'content-type': 'application/json',
        ...request.headers,
      },
      body: request.body,
      signal: controller.signal,
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
      statusText: response.statusText,
      ok: status > 199 && status < 300,
      json,
      html: json === undefined && /^\s*<(!doctype|html|head|body|\?xml)/i.test(text),
    }
  } catch (error) {
    throw signal?.aborted
      ? fail('aborted', `The request to ${name} was cancelled.`, signal.reason)
      : controller.signal.aborted
        ? fail('timeout', `${name} did not answer within ${timeoutMs / 1000} s.`)
        : ConsoleError.is(error)
          ? error
          : fail(
              'network',
              redactSecrets(
                `Could not reach ${name}: ${describeNetworkError(error)}. Check the endpoint and the network.`,
                request.secrets,
              ),
            )
  } finally {
    clearTimeout(timer)
    signal?.removeEventListener('abort', abort)
  }
}

// fetch failures say "fetch failed" / "Failed to fetch"; the useful part is in `cause` (ECONNREFUSED…).
function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return 'the request failed'
  const { cause } = error
  if (!(cause instanceof Error)) return error.message
  const { code } = cause as { code?: unknown }
  return `${error.message} (${typeof code === 'string' ? code : cause.message})`
}
