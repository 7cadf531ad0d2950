import { useEffect, useRef, useState } from 'react'
import { ConsoleError } from '../../core/errors/ConsoleError.js'
import type { ConsolePresenceViewer } from '../types.js'
import {
  fetchGatewayPresence,
  type FetchGatewayPresenceArgs,
} from '../urls/fetchGatewayPresence.js'

// The gateway's `since` changes nothing on screen often; one request a second keeps "who is
// here" within 2 s of the truth.
const POLL_MS = 1_000
const NONE: ConsolePresenceViewer[] = []

/**
 * The other users on this console's VM, polled from the gateway every second while `active`
 * (connected) and the page is visible; none otherwise. Stops on unmount, and for good (until the
 * console changes) when the gateway has no presence (404) or refuses it (403).
 */
export function useGatewayPresence(
  key: string | undefined,
  args: Omit<FetchGatewayPresenceArgs, 'signal'> | undefined,
  active: boolean,
): ConsolePresenceViewer[] {
  const [viewers, setViewers] = useState<{ key: string; list: ConsolePresenceViewer[] }>()
  const latest = useRef(args)
  useEffect(() => {
    latest.current = args
  })
  const [unsupported, setUnsupported] = useState<string>()
  const polling = active && key !== undefined && args !== undefined && unsupported !== key
  useEffect(() => {
    if (!polling || key === undefined) return
    let timer: ReturnType<typeof setTimeout> | undefined
    let request: AbortController | undefined
    let stopped = false
    const hidden = () => typeof document !== 'undefined' && document.visibilityState === 'hidden'
    const poll = () => {
      timer = undefined
      const current = latest.current
      if (stopped || hidden() || !current) return
      request = new AbortController()
      fetchGatewayPresence({ ...current, signal: request.signal }).then(
        (list) => {
          request = undefined
          if (stopped) return
          setViewers({ key, list })
          timer = setTimeout(poll, POLL_MS)
        },
        (error: unknown) => {
          request = undefined
          if (stopped) return
          const status = ConsoleError.is(error) ? error.status : undefined
          if (status === 404 || status === 403) return setUnsupported(key)
          setViewers(undefined)
          timer = setTimeout(poll, POLL_MS)
        },
      )
    }
    // Hidden: the timer runs out and nothing is asked; visible again: ask at once.
    const onVisibility = () => {
      if (!hidden() && timer === undefined && request === undefined) poll()
    }
    document.addEventListener('visibilitychange', onVisibility)
    poll()
    return () => {
      stopped = true
      clearTimeout(timer)
      request?.abort()
      document.removeEventListener('visibilitychange', onVisibility)
    }
  }, [polling, key])
  return polling && viewers?.key === key ? viewers.list : NONE
}
