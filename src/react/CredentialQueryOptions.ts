import type { UseQueryOptions } from '@tanstack/react-query'
import type { ConsoleError } from '../core/ConsoleError.js'

/** What a credential hook lets the caller change; the key and fetcher stay ours. */
export type CredentialQueryOptions<T> = Omit<
  UseQueryOptions<T, ConsoleError, T>,
  'queryKey' | 'queryFn'
>
