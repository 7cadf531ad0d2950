import { ConsoleError } from '../../core/errors/ConsoleError.js'

/**
 * Query settings for one-time credentials: never cached, never refetched behind the user's back,
 * retried (at most 3 times, with backoff) only when the failure is transient.
 */
export const consoleAccessQueryDefaults = {
  staleTime: 0,
  gcTime: 0,
  refetchOnWindowFocus: false,
  refetchOnReconnect: false,
  retry: (failureCount: number, error: ConsoleError): boolean =>
    failureCount < 3 && ConsoleError.is(error) && error.retryable,
  retryDelay: (attempt: number): number => Math.min(1_000 * 2 ** attempt, 8_000),
} as const
