/**
 * The value as a parsed http(s) URL without a user name or password (resolved against `base`
 * when given), or undefined for anything else: another scheme, a non-string, text that is no URL.
 */
export function parseHttpUrl(value: unknown, base?: string): URL | undefined {
  try {
    const url = new URL(value as string, base)
    if (
      typeof value === 'string' &&
      /^https?:$/.test(url.protocol) &&
      !url.username &&
      !url.password
    )
      return url
  } catch {
    // Not a URL.
  }
  return undefined
}
