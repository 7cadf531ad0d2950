import { expect } from 'vitest'
import { ConsoleError } from '../../src/core/errors/ConsoleError.js'

/**
 * The ConsoleError `promise` rejects with; fails the test if it resolves, rejects with anything
 * else, or names one of `secrets` in its message.
 */
export async function consoleErrorOf(
  promise: Promise<unknown>,
  secrets: readonly string[] = [],
): Promise<ConsoleError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ConsoleError)
  const consoleError = error as ConsoleError
  for (const secret of secrets) expect(consoleError.message).not.toContain(secret)
  return consoleError
}
