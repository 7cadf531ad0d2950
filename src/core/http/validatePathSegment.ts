import { ConsoleError, type ConsoleErrorProvider } from '../errors/ConsoleError.js'

/**
 * Checks an id that goes into a URL path and returns it percent-encoded, so it can neither add a
 * path segment nor walk up with `..`.
 */
export function validatePathSegment(
  value: unknown,
  label: string,
  provider: ConsoleErrorProvider,
): string {
  // With the `u` flag, the surrogate range matches only lone surrogates, which cannot be encoded.
  // eslint-disable-next-line no-control-regex
  if (typeof value === 'string' && /^(?!\.*$)[^\s\0-\x1f\x7f\ud800-\udfff]{1,256}$/u.test(value)) {
    return encodeURIComponent(value)
  }
  throw new ConsoleError({
    kind: 'invalid_input',
    provider,
    message: `The ${label} must be 1 to 256 characters without spaces, not all dots.`,
  })
}
