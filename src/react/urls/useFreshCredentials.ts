import type { QueryClient } from '@tanstack/react-query'
import { useId } from 'react'
import { fetchFreshCredentials } from './fetchFreshCredentials.js'
import { useCredentialQueryClient } from '../queries/useCredentialQueryClient.js'

/**
 * `fetchFreshCredentials` bound to this viewer: its QueryClient and its own id in the key. A
 * `purpose` keeps another use of the credentials (the provider's console page) apart from the
 * viewer's, so the two never share one token.
 */
export function useFreshCredentials(queryClient?: QueryClient) {
  const client = useCredentialQueryClient(queryClient)
  const viewerId = useId()
  return <T>(
    options: Parameters<typeof fetchFreshCredentials>[1],
    signal: AbortSignal,
    purpose?: string,
  ) =>
    fetchFreshCredentials<T>(
      client,
      options,
      purpose === undefined ? viewerId : `${viewerId}:${purpose}`,
      signal,
    )
}
