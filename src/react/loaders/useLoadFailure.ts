import { useEffect, useRef, useState } from 'react'
import type { ConsoleError } from '../../core/errors/ConsoleError.js'

/**
 * A lazy component's code load until it is here: loads while `loaded` is false, and when the load
 * fails, `fail(cause)` makes the error to show (and reports it). `retry()` loads again.
 */
export function useLoadFailure(
  loaded: boolean,
  load: () => Promise<unknown>,
  fail: (cause: unknown) => ConsoleError,
): { failure: ConsoleError | undefined; retry: () => void } {
  const [failure, setFailure] = useState<ConsoleError>()
  const [tries, setTries] = useState(0)
  const latest = useRef({ load, fail })
  useEffect(() => {
    latest.current = { load, fail }
  })
  useEffect(() => {
    if (loaded) return
    let live = true
    latest.current.load().then(
      () => live && setFailure(undefined),
      (cause: unknown) => {
        if (live) setFailure(latest.current.fail(cause))
      },
    )
    return () => {
      live = false
    }
  }, [loaded, tries])
  return { failure, retry: () => setTries((n) => n + 1) }
}
