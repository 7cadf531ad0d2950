import { QueryClient } from '@tanstack/react-query'
import { fetchFreshConsoleAccess } from '../urls/fetchFreshConsoleAccess.js'

/** Once per page: a second hover has nothing left to warm. */
let warming: Promise<void> | undefined

/**
 * Runs the credential fetch's own code once, without a request: a query on a throwaway client
 * whose function answers at once. On a page where it never ran, that code (the QueryClient, its
 * cache, the query and its retryer) costs milliseconds between the click and the request; after
 * `preloadConsole()` it has run. Nothing reaches the network or the app's QueryClient.
 */
export function warmConsoleAccess(): Promise<void> {
  warming ??= (() => {
    const client = new QueryClient()
    const options = { queryKey: ['react-vm-console', 'warm-up'], queryFn: () => null }
    const signal = new AbortController().signal
    // Best effort: a warm-up that fails must not make preloadConsole() reject.
    return fetchFreshConsoleAccess(client, options, 'warm-up', signal)
      .catch(() => undefined)
      .then(() => client.clear())
  })()
  return warming
}
