import { ConsoleError, type ConsoleErrorProvider } from '../errors/ConsoleError.js'

/**
 * `value` as a URL: a path resolves against the current page, an absolute URL stands as it is.
 * Outside a browser page a path has nothing to resolve against: `invalid_input`.
 */
export function resolveOnPage(value: string, provider: ConsoleErrorProvider): URL {
  const page = typeof location === 'undefined' ? undefined : location.href
  if (value[0] === '/' && !page) {
    throw new ConsoleError({
      kind: 'invalid_input',
      provider,
      message: 'A path endpoint needs a browser page; use an absolute URL.',
    })
  }
  return new URL(value, page)
}
