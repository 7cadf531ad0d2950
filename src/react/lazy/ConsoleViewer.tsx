'use client'
import { useEffect, useRef, useState, useSyncExternalStore, type CSSProperties } from 'react'
import { ConsoleError } from '../../core/errors/ConsoleError.js'
import type { ConsoleViewerProps } from '../types.js'
import { EarlySocket } from '../urls/EarlySocket.js'
import { EarlyUrlFetch } from '../urls/EarlyUrlFetch.js'
import { loadFailedLabels } from '../../i18n/loadFailedLabels.js'
import { viewerLoader } from './viewerLoader.js'
import { LoadFailedNotice } from '../loaders/LoadFailedNotice.js'
import { useLoadFailure } from '../loaders/useLoadFailure.js'

const notLoaded = () => undefined
const openSocket = (url: string) => new EarlySocket(url)
const loadedParts = () => viewerLoader.current
/** Where the first URL comes from: `getUrl`, or a ready `url`. */
const sourceOf = ({ getUrl, url }: ConsoleViewerProps) =>
  getUrl ?? (url ? () => Promise.resolve(url) : undefined)
/** The last fetch a render started, for StrictMode's second call of the same render. */
let recent: { early: EarlyUrlFetch; from: unknown } | undefined

/**
 * In the first render on the client: starts the first fetch (for a target, with autoConnect) and
 * loads the code if it is not here yet, so neither waits for React's effects (with the code here,
 * the viewer renders now but its attempt starts only in its commit). StrictMode
 * calls this twice in a row: the second call takes the first one's fetch. Unowned by an effect, a
 * fetch is given up.
 */
function startEarly(props: ConsoleViewerProps): EarlyUrlFetch | undefined {
  if (typeof window === 'undefined') return undefined
  const early = earlyFetch(props)
  // After the fetch: over HTTP/1.1 the credential request, which the socket waits for, takes the
  // page's idle connection, and its answer is not queued behind the chunks. The effect below
  // reports a failure.
  if (!viewerLoader.current) viewerLoader.load().catch(() => {})
  return early
}

function earlyFetch(props: ConsoleViewerProps): EarlyUrlFetch | undefined {
  const { getUrl, connectionKey, url, autoConnect = true } = props
  const key = getUrl ? connectionKey : (connectionKey ?? url)
  const source = sourceOf(props)
  const from = getUrl ?? url
  if (key === undefined || !source || !autoConnect) return undefined
  if (recent && recent.from === from && recent.early.key === key) return recent.early
  const early = new EarlyUrlFetch(key, source, openSocket)
  recent = { early, from }
  queueMicrotask(() => (recent = undefined))
  return early
}

/**
 * A live VNC console over react-vnc: one socket per attempt (also under StrictMode), fresh
 * credentials for every attempt, reconnect with backoff after a drop, and its state on the root
 * as `data-state`. Bare by default; `toolbar` and `overlay` add the console UI.
 *
 * Its code (viewer, toolbar, overlay, strings) and react-vnc load when the first console mounts,
 * so importing the package costs an app almost nothing. Until then, and on the server, it renders
 * its root element alone (`data-state="idle"`, `data-loading`), with the same class and style.
 */
export function ConsoleViewer(props: ConsoleViewerProps) {
  // The server snapshot keeps hydration identical to the server's shell even when the code is here.
  const parts = useSyncExternalStore(viewerLoader.subscribe, loadedParts, notLoaded)
  const latest = useRef(props)
  useEffect(() => {
    latest.current = props
  })

  // While the code loads, the first credential fetch already runs and the socket opens on its URL
  // (the viewer takes both), so a cold console waits for the slowest of them, not for each in turn.
  // Both start in the first render, with the code: a passive effect can come a frame or more later.
  const { getUrl, connectionKey, url, autoConnect = true } = props
  const earlyKey = getUrl ? connectionKey : (connectionKey ?? url)
  const [earlyUrl] = useState<{ current?: EarlyUrlFetch }>(() => ({ current: startEarly(props) }))
  useEffect(() => {
    let live = true
    const early = earlyUrl.current
    // The render's fetch, for this target; else (a new target, a render that came too late, or
    // another console took it) one from a microtask: StrictMode's remount must not fetch twice.
    if (!(autoConnect && early && early.key === earlyKey && early.own(earlyUrl))) {
      queueMicrotask(() => {
        const source = sourceOf(latest.current)
        if (live && !viewerLoader.current && source && earlyKey !== undefined && autoConnect) {
          earlyUrl.current = new EarlyUrlFetch(earlyKey, source, openSocket)
          earlyUrl.current.own(earlyUrl)
        }
      })
    }
    return () => {
      live = false
      earlyUrl.current?.disown(earlyUrl)
    }
  }, [earlyUrl, earlyKey, autoConnect])

  const { failure, retry } = useLoadFailure(
    parts !== undefined,
    () => viewerLoader.load(),
    (cause) => {
      // Nothing will take them: cancel the fetch, close the socket.
      earlyUrl.current?.release()
      const error = new ConsoleError({
        kind: 'network',
        provider: 'vnc',
        message: 'The console could not load its code. Check the network, then retry.',
        cause,
      })
      latest.current.onError?.(error)
      return error
    },
  )

  if (parts)
    return <parts.LoadedConsoleViewer {...props} earlyUrl={earlyUrl} openSocket={openSocket} />
  const text = props.locale?.toLowerCase().startsWith('zh')
    ? loadFailedLabels['zh-CN']
    : loadFailedLabels['en-US']
  return (
    <div
      {...shellProps(props)}
      data-rvc-console=""
      data-loading=""
      data-state={failure ? 'error' : 'idle'}
      data-error-kind={failure?.kind}
      aria-busy={!failure}
    >
      {failure ? (
        <LoadFailedNotice
          title={props.labels?.loadFailed ?? text.loadFailed}
          retry={props.labels?.retry ?? text.retry}
          onRetry={retry}
        />
      ) : null}
    </div>
  )
}

// The div attributes an app may rely on for layout, styling and tests; the rest waits for the viewer.
function shellProps(props: ConsoleViewerProps) {
  const shell: Record<string, unknown> & { style?: CSSProperties } = {}
  for (const [key, value] of Object.entries(props)) {
    if (/^(data-|aria-)|^(className|style|id|title|hidden|dir|lang)$/.test(key)) shell[key] = value
  }
  return shell
}
