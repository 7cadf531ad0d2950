import type { QueryClient } from '@tanstack/react-query'
import { useId } from 'react'
import { fetchFreshConsoleAccess } from './fetchFreshConsoleAccess.js'
import { useConsoleAccessQueryClient } from '../queries/useConsoleAccessQueryClient.js'

/**
 * `fetchFreshConsoleAccess` bound to this viewer: its QueryClient and its own id in the key. A
 * `purpose` keeps another use of the credentials (the provider's console page) apart from the
 * viewer's, so the two never share one token.
 */
export function useFreshConsoleAccess(queryClient?: QueryClient) {
  const client = useConsoleAccessQueryClient(queryClient)
  const viewerId = useId()
  return <T>(
    options: Parameters<typeof fetchFreshConsoleAccess>[1],
    signal: AbortSignal,
    purpose?: string,
  ) =>
    fetchFreshConsoleAccess<T>(
      client,
      options,
      purpose === undefined ? viewerId : `${viewerId}:${purpose}`,
      signal,
    )
}
