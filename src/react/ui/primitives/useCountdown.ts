import { useEffect, useState } from 'react'

/** Whole seconds until `at` (ms since epoch), ticking; undefined without a time. */
export function useCountdown(at: number | undefined): number | undefined {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (at === undefined) return
    const tick = () => setNow(Date.now())
    const timer = setInterval(tick, 250)
    const first = setTimeout(tick, 0)
    return () => {
      clearInterval(timer)
      clearTimeout(first)
    }
  }, [at])
  return at === undefined ? undefined : Math.max(0, Math.ceil((at - now) / 1000))
}
