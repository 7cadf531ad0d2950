'use client'
import {
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react'
import { ConsoleSession } from './ConsoleSession.js'
import type { ConsoleViewerHandle } from './ConsoleViewerHandle.js'
import { ConsoleViewerContext } from './ConsoleViewerContext.js'
import type { ConsoleViewerProps } from './ConsoleViewerProps.js'
import { vncScreenLoader } from './vncScreenLoader.js'

const HIDDEN = { display: 'none' } as const

/**
 * A live VNC console over react-vnc: one socket per attempt (also under StrictMode), fresh
 * credentials for every attempt, reconnect with backoff after a drop, and its state on the root
 * as `data-state`. Renders an idle shell on the server; react-vnc loads when it first connects.
 */
export function ConsoleViewer(props: ConsoleViewerProps) {
  const {
    url,
    getUrl,
    connectionKey,
    credentials,
    autoConnect = true,
    reconnect,
    viewOnly,
    scaleViewport,
    resizeSession,
    clipViewport,
    qualityLevel,
    compressionLevel,
    showDotCursor,
    background,
    focusOnClick,
    onStateChange,
    onConnect,
    onDisconnect,
    onError,
    onClipboard,
    onBell,
    onDesktopName,
    onCapabilities,
    onCredentialsRequired,
    children,
    ref,
    ...rest
  } = props

  const [session] = useState(() => new ConsoleSession())
  const view = useSyncExternalStore(session.subscribe, session.getView, session.getView)
  const host = useRef<HTMLDivElement>(null)
  const stash = useRef<HTMLDivElement>(null)

  // The session reads the latest props when it needs them, so new callback identities never reconnect.
  useLayoutEffect(() => {
    session.sync(props, host.current, stash.current)
  })

  const target = connectionKey ?? getUrl ?? url
  useEffect(() => {
    if (autoConnect && target) session.start()
    return () => session.stop()
  }, [session, target, autoConnect])

  const { status } = view

  const handle = useMemo<ConsoleViewerHandle>(
    () => ({
      connect: () => session.connect(),
      disconnect: () => session.disconnect(),
      sendCtrlAltDel: () => session.sendCtrlAltDel(),
      sendKey: (keysym, code, down) => session.sendKey(keysym, code, down),
      sendKeys: (combo) => session.sendKeys(combo),
      pasteText: (text) => session.pasteText(text),
      sendCredentials: (value) => session.sendCredentials(value),
      power: (action) => session.power(action),
      focus: () => session.focus(),
      blur: () => session.blur(),
      screenshot: () => session.screenshot(),
      get state() {
        return session.view.status.state
      },
    }),
    [session],
  )
  useImperativeHandle(ref, () => handle, [handle])
  const context = useMemo(() => ({ status, handle }), [status, handle])

  const VncScreen = vncScreenLoader.current
  const screen = view.screen
  return (
    <div
      {...rest}
      data-state={status.state}
      data-attempt={status.attempt > 0 ? status.attempt : undefined}
      data-next-retry-at={status.nextRetryAt}
      data-error-kind={status.error?.kind}
      data-credentials-required={status.credentialsRequired ? '' : undefined}
      aria-busy={status.state === 'fetching' || status.state === 'connecting'}
    >
      <div ref={host} data-rvc-screen="" style={{ width: '100%', height: '100%' }} />
      <div ref={stash} style={HIDDEN}>
        {screen && VncScreen ? (
          <VncScreen
            key={screen.key}
            ref={session.screenRef(screen.key)}
            url={screen.url}
            autoConnect={false}
            retryDuration={0}
            rfbOptions={{ wsProtocols: ['binary'] }}
            viewOnly={viewOnly ?? false}
            scaleViewport={scaleViewport ?? true}
            resizeSession={resizeSession ?? false}
            clipViewport={clipViewport ?? false}
            qualityLevel={qualityLevel ?? 6}
            compressionLevel={compressionLevel ?? 2}
            showDotCursor={showDotCursor ?? false}
            background={background ?? ''}
            focusOnClick={focusOnClick ?? true}
            {...session.screenEvents(screen.key)}
          />
        ) : null}
      </div>
      <ConsoleViewerContext value={context}>{children}</ConsoleViewerContext>
    </div>
  )
}
