import { ConsoleError, type ConsoleErrorProvider } from './ConsoleError.js'

/**
 * Checks an id that goes into a URL path and returns it percent-encoded, so it can neither add a
 * path segment nor walk up with `..`.
 */
export function validatePathSegment(
  value: unknown,
  label: string,
  provider: ConsoleErrorProvider,
): string {
  const fail = (why: string) =>
    new ConsoleError({ kind: 'invalid_input', provider, message: `The ${label} ${why}.` })
  if (typeof value !== 'string' || value.trim() === '') throw fail('is missing')
  if (value.length > 256) throw fail('is too long')
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\s]/.test(value)) throw fail('contains spaces or control characters')
  if (/^\.+$/.test(value)) throw fail('is not a valid id')
  return encodeURIComponent(value)
}
