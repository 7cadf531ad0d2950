import { ConsoleError, type ConsoleErrorProvider } from '../../core/errors/ConsoleError.js'
import { redactSecrets } from '../../core/errors/redactSecrets.js'

/** Any failure as a ConsoleError; a foreign error's text is redacted before it is shown. */
export function toConsoleError(error: unknown, provider: ConsoleErrorProvider): ConsoleError {
  if (ConsoleError.is(error)) return error
  // DOMException is not an Error subclass in every realm, so the name decides.
  if (
    typeof error === 'object' &&
    error !== null &&
    (error as { name?: unknown }).name === 'AbortError'
  ) {
    return new ConsoleError({ kind: 'aborted', provider, message: 'Cancelled.' })
  }
  const text = error instanceof Error ? error.message : String(error)
  return new ConsoleError({
    kind: 'network',
    provider,
    message: redactSecrets(`Could not get the console address: ${text}`),
    cause: error,
  })
}
