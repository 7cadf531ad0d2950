import { ConsoleError, type ConsoleErrorProvider } from './ConsoleError.js'
import { providerName } from './providerName.js'
import { redactSecrets } from './redactSecrets.js'

export interface JsonRequest {
  provider: ConsoleErrorProvider
  url: string
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
  const { provider, signal, secrets } = request
  const name = providerName(provider)
  const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS
  if (!(timeoutMs > 0)) {
    throw new ConsoleError({
      kind: 'invalid_input',
      provider,
      message: 'timeoutMs must be a positive number of milliseconds.',
    })
  }
  const aborted = () =>
    new ConsoleError({
      kind: 'aborted',
      provider,
      message: `The request to ${name} was cancelled.`,
      cause: signal?.reason,
    })
  if (signal?.aborted) throw aborted()
  let url = request.url
  // The platform's fetch resolves a path against the page; a custom fetch gets the path as given.
  if (url.startsWith('/') && !request.fetch) {
    if (typeof location === 'undefined') {
      throw new ConsoleError({
        kind: 'invalid_input',
        provider,
        message: `A path endpoint needs a page to resolve against; outside a browser use an absolute URL or pass fetch.`,
      })
    }
    url = new URL(url, location.href).href
  }

  const controller = new AbortController()
  let timedOut = false
  const onAbort = () => controller.abort(signal?.reason)
  signal?.addEventListener('abort', onAbort, { once: true })
  const timer = Number.isFinite(timeoutMs)
    ? setTimeout(() => {
        timedOut = true
        controller.abort()
      }, timeoutMs)
    : undefined
  // Called as a plain function: browsers throw "Illegal invocation" for fetch called on another object.
  const doFetch = request.fetch ?? globalThis.fetch
  try {
    const response = await doFetch(url, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
      signal: controller.signal,
    })
    const text = await response.text()
    let json: unknown
    try {
      json = text === '' ? undefined : JSON.parse(text)
    } catch {
      json = undefined
    }
    const html = json === undefined && /^\s*<(!doctype|html|head|body|\?xml)/i.test(text)
    return { status: response.status, statusText: response.statusText, json, html }
  } catch (error) {
    if (timedOut) {
      throw new ConsoleError({
        kind: 'timeout',
        provider,
        message: `${name} did not answer within ${Math.round(timeoutMs / 100) / 10} s.`,
      })
    }
    if (signal?.aborted) throw aborted()
    if (ConsoleError.is(error)) throw error
    throw new ConsoleError({
      kind: 'network',
      provider,
      message: redactSecrets(
        `Could not reach ${name}: ${describeNetworkError(error)}. Check the endpoint and the network.`,
        secrets,
      ),
    })
  } finally {
    if (timer !== undefined) clearTimeout(timer)
    signal?.removeEventListener('abort', onAbort)
  }
}

// fetch failures say "fetch failed" / "Failed to fetch"; the useful part is in `cause` (ECONNREFUSED…).
function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return 'the request failed'
  const cause = error.cause
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code
    return `${error.message} (${typeof code === 'string' ? code : cause.message})`
  }
  return error.message
}
