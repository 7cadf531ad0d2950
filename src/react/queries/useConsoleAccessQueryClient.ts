import { QueryClient, QueryClientContext } from '@tanstack/react-query'
import { useContext, useState } from 'react'

/** The QueryClient to fetch credentials with: the given one, the app's, or a private one. */
export function useConsoleAccessQueryClient(queryClient?: QueryClient): QueryClient {
  const appClient = useContext(QueryClientContext)
  const [own] = useState(() => ((queryClient ?? appClient) ? undefined : new QueryClient()))
  return queryClient ?? appClient ?? own ?? new QueryClient()
}
