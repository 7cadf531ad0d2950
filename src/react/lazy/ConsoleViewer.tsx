'use client'
import { useEffect, useRef, useState, useSyncExternalStore, type CSSProperties } from 'react'
import { ConsoleError } from '../../core/errors/ConsoleError.js'
import type { ConsoleViewerProps } from '../types.js'
import { EarlySocket } from '../urls/EarlySocket.js'
import { EarlyUrlFetch } from '../urls/EarlyUrlFetch.js'
import { loadFailedLabels } from '../../i18n/loadFailedLabels.js'
import { viewerLoader } from './viewerLoader.js'

const notLoaded = () => undefined
const openSocket = (url: string) => new EarlySocket(url)
const loadedParts = () => viewerLoader.current

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
  const [failure, setFailure] = useState<ConsoleError>()
  const [tries, setTries] = useState(0)
  const latest = useRef(props)
  useEffect(() => {
    latest.current = props
  })

  // While the code loads, the first credential fetch already runs and the socket opens on its URL
  // (the viewer takes both), so a cold console waits for the slowest of them, not for each in turn.
  // A viewer with a ready `url` opens its socket at once. A new target cancels them.
  const { getUrl, url, connectionKey, autoConnect = true } = props
  const earlyKey = getUrl ? connectionKey : (connectionKey ?? url)
  const [earlyUrl] = useState<{ current?: EarlyUrlFetch }>({})
  useEffect(() => {
    let live = true
    // A microtask, not now: StrictMode's mount-unmount-mount must not fetch twice.
    queueMicrotask(() => {
      const { getUrl: fetchUrl, url: readyUrl } = latest.current
      const source = fetchUrl ?? (readyUrl ? () => Promise.resolve(readyUrl) : undefined)
      if (live && !viewerLoader.current && source && earlyKey !== undefined && autoConnect) {
        earlyUrl.current = new EarlyUrlFetch(earlyKey, source, openSocket)
      }
    })
    return () => {
      live = false
      earlyUrl.current?.release()
    }
  }, [earlyUrl, earlyKey, autoConnect])

  useEffect(() => {
    if (parts) return
    let live = true
    viewerLoader.load().then(
      () => live && setFailure(undefined),
      (cause: unknown) => {
        if (!live) return
        // Nothing will take them: cancel the fetch, close the socket.
        earlyUrl.current?.release()
        const error = new ConsoleError({
          kind: 'network',
          provider: 'vnc',
          message: 'The console could not load its code. Check the network, then retry.',
          cause,
        })
        setFailure(error)
        latest.current.onError?.(error)
      },
    )
    return () => {
      live = false
    }
  }, [parts, tries, earlyUrl])

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
        <div data-rvc-overlay="" data-state="error" data-kind="error">
          <div data-rvc-overlay-card="" role="alert">
            <p data-rvc-overlay-title="">{props.labels?.loadFailed ?? text.loadFailed}</p>
            <div data-rvc-actions="">
              <button
                type="button"
                data-rvc-button=""
                data-variant="primary"
                onClick={() => setTries((n) => n + 1)}
              >
                {props.labels?.retry ?? text.retry}
              </button>
            </div>
          </div>
        </div>
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
