import { CancelledError, type QueryClient, type QueryKey } from '@tanstack/react-query'
import { ConsoleError } from '../../core/errors/ConsoleError.js'

interface ConsoleAccessOptions {
  queryKey: QueryKey
  queryFn?: unknown
}

/**
 * Fetches one-time console access (the cloud answer holding a one-time console URL) through the QueryClient (so devtools and defaults apply) for ONE
 * connection attempt. The key gets the viewer's own id: two consoles of the same VM must never
 * share (deduplicate into) one token. The viewer retries by itself, so the query does not.
 */
export async function fetchFreshConsoleAccess<T>(
  client: QueryClient,
  options: ConsoleAccessOptions,
  viewerId: string,
  signal: AbortSignal,
): Promise<T> {
  const queryKey = [...options.queryKey, viewerId]
  const cancel = () => void client.cancelQueries({ queryKey, exact: true })
  signal.addEventListener('abort', cancel, { once: true })
  try {
    return await client.fetchQuery<T, ConsoleError>({
      ...(options as object),
      queryKey,
      retry: false,
    } as Parameters<typeof client.fetchQuery<T, ConsoleError>>[0])
  } catch (error) {
    if (error instanceof CancelledError || signal.aborted) {
      throw new ConsoleError({ kind: 'aborted', provider: 'vnc', message: 'Cancelled.' })
    }
    throw error
  } finally {
    signal.removeEventListener('abort', cancel)
  }
}
