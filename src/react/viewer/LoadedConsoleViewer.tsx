'use client'
import {
  useEffect,
  useId,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react'
import type { ConsoleControls } from '../types.js'
import type { VmPowerAction } from '../../core/power/VmPowerAction.js'
import { ConsoleControlsContext } from '../context/ConsoleControlsContext.js'
import { ConsoleSession } from '../session/ConsoleSession.js'
import type { SessionProps } from '../session/types.js'
import type { ConsoleViewerHandle } from '../types.js'
import { ConsoleViewerContext } from '../context/ConsoleViewerContext.js'
import { formatLabel } from '../../i18n/formatLabel.js'
import { resolveLabels } from '../../i18n/resolveLabels.js'
import { ConsoleAnnouncer } from '../ui/overlay/ConsoleAnnouncer.js'
import { ConsoleImeHint } from '../ui/overlay/ConsoleImeHint.js'
import { ConsoleOverlay } from '../ui/overlay/ConsoleOverlay.js'
import { parseShortcut } from '../session/keyboard/parseShortcut.js'
import { openInNewWindow } from './openInNewWindow.js'
import { ConsoleToolbar } from '../ui/toolbar/ConsoleToolbar.js'
import { useFullscreen } from './useFullscreen.js'
import { vncScreenLoader } from '../loaders/vncScreenLoader.js'

const HIDDEN = { display: 'none' } as const
const SCREEN = { position: 'relative', width: '100%', height: '100%' } as const

/**
 * `<ConsoleViewer>` once its code has loaded (it arrives in one lazy chunk with the toolbar, the
 * overlay and react-vnc). A live VNC console over react-vnc: one socket per attempt (also under StrictMode), fresh
 * credentials for every attempt, reconnect with backoff after a drop, and its state on the root
 * as `data-state`. Renders an idle shell on the server; react-vnc loads when it first connects.
 *
 * Bare by default; `toolbar` and `overlay` add the console UI (`<CloudTowerConsole>` and
 * `<EcsConsole>` turn both on). The screen element is focusable and labelled: Enter or a click
 * gives the VM the keyboard, Ctrl+Alt+Shift takes it back.
 */
export function LoadedConsoleViewer(props: SessionProps) {
  const {
    url,
    getUrl,
    connectionKey,
    credentials,
    autoConnect = true,
    reconnect,
    vmPower,
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
    toolbar = false,
    toolbarEnd,
    overlay = false,
    locale,
    labels: labelOverrides,
    theme,
    popOutUrl,
    onPopOut,
    openConsolePage,
    onViewSettingsChange,
    guestKeyboardLayout: _guestKeyboardLayout,
    defaultKeyboardLayout: _defaultKeyboardLayout,
    pasteShortcut = 'Control+Shift+KeyV',
    children,
    ref,
    earlyUrl,
    openSocket,
    ...rest
  } = props

  const [session] = useState(() => new ConsoleSession())
  const view = useSyncExternalStore(session.store.subscribe, session.store.get, session.store.get)
  const root = useRef<HTMLDivElement>(null)
  const host = useRef<HTMLDivElement>(null)
  const stash = useRef<HTMLDivElement>(null)
  const screenId = useId()
  const hintId = useId()

  // The session reads the latest props when it needs them, so new callback identities never reconnect.
  useLayoutEffect(() => {
    session.sync(props, host.current, stash.current)
  })

  useEffect(() => {
    const element = host.current
    return element ? session.keyboard.attach(element) : undefined
  }, [session])

  const target = connectionKey ?? getUrl ?? url
  // A layout effect: the attempt starts in the commit's own task. A passive effect comes in a
  // later task, often after a frame, and every ms before noVNC has its socket adds to the first
  // frame. StrictMode replays it after the attempt began (when passive effects flush): `release`
  // then `begin` for the same target keeps that attempt and its socket.
  useLayoutEffect(() => {
    if (!(autoConnect && target)) {
      session.connection.reset()
      return
    }
    session.connection.begin(target)
    return () => session.connection.release(target)
  }, [session, target, autoConnect])

  const { status } = view

  const handle = useMemo<ConsoleViewerHandle>(
    () => ({
      connect: () => session.connect(),
      disconnect: () => session.connection.disconnect(),
      sendCtrlAltDel: () => session.sendCtrlAltDel(),
      sendKey: (keysym, code, down) => session.keyboard.sendKey(keysym, code, down),
      sendKeys: (combo) => session.keyboard.sendKeys(combo),
      pasteText: (text) => session.paste.pasteText(text),
      setServerClipboard: (text) => session.setServerClipboard(text),
      typeText: (text, options) =>
        session.typing.typeText(text, { layout: session.view.guestLayout, ...options }),
      stopTyping: () => session.typing.stop(),
      sendCredentials: (value) => session.sendCredentials(value),
      power: (action) => session.power(action),
      powerVm: (action) => session.connection.power(action),
      focus: () => session.keyboard.focus(),
      blur: () => session.keyboard.blur(),
      screenshot: () => session.screenshot(),
      get state() {
        return session.view.status.state
      },
    }),
    [session],
  )
  useImperativeHandle(ref, () => handle, [handle])
  const context = useMemo(() => ({ status, handle }), [status, handle])

  const labels = useMemo(() => resolveLabels(locale, labelOverrides), [locale, labelOverrides])
  const { fullscreen, toggle: toggleFullscreen } = useFullscreen(root)
  const canPopOut = Boolean(popOutUrl || onPopOut)
  const shortcutAria = pasteShortcut === false ? undefined : parseShortcut(pasteShortcut)?.aria
  // The consoles build a new vmPower each render; the menu changes only with what it offers.
  const powerProvider = vmPower?.provider
  const powerActions = vmPower?.actions.join(' ')
  const powerMenu = useMemo(
    () =>
      powerProvider && powerActions !== undefined
        ? {
            provider: powerProvider,
            actions: (powerActions ? powerActions.split(' ') : []) as VmPowerAction[],
          }
        : undefined,
    [powerProvider, powerActions],
  )
  const controls = useMemo<ConsoleControls>(
    () => ({
      labels,
      locale: locale ?? 'en-US',
      settings: view.settings,
      setSettings: (patch) => session.setSettings(patch),
      keyboardCaptured: view.captured,
      captureKeyboard: () => session.keyboard.capture(),
      releaseKeyboard: () => session.keyboard.release(),
      returnFocus: () => session.keyboard.returnFocus(),
      sticky: view.sticky,
      toggleSticky: (modifier) => session.keyboard.toggleSticky(modifier),
      sendKeys: (combo) => session.keyboard.sendKeys(combo),
      clipboardText: view.clipboardText,
      typeText: (text, options) =>
        session.typing.typeText(text, { layout: session.view.guestLayout, ...options }),
      stopTyping: () => session.typing.stop(),
      typing: view.typing,
      guestKeyboardLayout: view.guestLayout,
      setGuestKeyboardLayout: (layout) => session.setGuestLayout(layout),
      defaultKeyboardLayout: view.guestLayout,
      pasteFromClipboard: () => void session.paste.fromClipboard(),
      pasteShortcut: shortcutAria,
      pasteRequest: view.pasteRequest,
      hasServerClipboard: () => session.screen.serverClipboard(),
      alsoServerClipboard: view.alsoServerClipboard,
      setAlsoServerClipboard: (value) => session.store.set({ alsoServerClipboard: value }),
      setServerClipboard: (text) => session.setServerClipboard(text),
      imeHint: view.imeHint,
      dismissImeHint: () => session.store.set({ imeHint: false }),
      credentialTypes: view.credentialTypes,
      fullscreen,
      toggleFullscreen,
      popOut: canPopOut
        ? () => {
            const { popOutUrl: page, onPopOut: notify } = session.props
            // The new window fetches its own credentials: this page's token is spent already.
            if (page && !openInNewWindow(page, `rvc-console-${screenId}`)) return
            notify?.()
            session.poppedOut()
          }
        : undefined,
      poppedOut: view.poppedOut,
      openConsolePage: openConsolePage ? () => session.props.openConsolePage?.() : undefined,
      vmPower: powerMenu,
      screenId,
      toolbarEnd,
    }),
    [
      powerMenu,
      labels,
      locale,
      view,
      session,
      shortcutAria,
      fullscreen,
      toggleFullscreen,
      canPopOut,
      openConsolePage,
      screenId,
      toolbarEnd,
    ],
  )

  const VncScreen = vncScreenLoader.current
  const screen = view.screen
  const settings = session.settings.effective()
  const name = status.desktopName
  return (
    <div
      {...rest}
      ref={root}
      data-rvc-console=""
      data-state={status.state}
      data-attempt={status.attempt > 0 ? status.attempt : undefined}
      data-next-retry-at={status.nextRetryAt}
      data-error-kind={status.error?.kind}
      data-vm-state={status.vmState}
      data-credentials-required={status.credentialsRequired ? '' : undefined}
      data-keyboard={view.captured ? 'captured' : 'released'}
      data-scaling={view.settings.scaling}
      data-view-only={view.settings.viewOnly ? '' : undefined}
      data-fullscreen={fullscreen ? '' : undefined}
      data-theme={theme === 'light' || theme === 'dark' ? theme : undefined}
      aria-busy={status.state === 'fetching' || status.state === 'connecting'}
    >
      <ConsoleViewerContext value={context}>
        <ConsoleControlsContext value={controls}>
          {toolbar === true ? <ConsoleToolbar /> : toolbar || null}
          <div data-rvc-viewport="" style={SCREEN}>
            <div
              ref={host}
              id={screenId}
              data-rvc-screen=""
              role="application"
              aria-label={name ? formatLabel(labels.consoleNamed, { name }) : labels.console}
              aria-describedby={hintId}
              aria-keyshortcuts={shortcutAria}
              tabIndex={0}
              style={{ width: '100%', height: '100%' }}
            />
            {overlay === true ? <ConsoleOverlay /> : overlay || null}
            {view.imeHint ? <ConsoleImeHint /> : null}
          </div>
          <div ref={stash} style={HIDDEN}>
            {screen && VncScreen ? (
              <VncScreen
                key={screen.key}
                ref={session.screen.ref(screen.key)}
                websocket={session.screen.websocket()}
                autoConnect={false}
                retryDuration={0}
                rfbOptions={{ wsProtocols: ['binary'] }}
                {...settings}
                {...session.screenEvents(screen.key)}
              />
            ) : null}
            {screen && VncScreen ? (
              <ConnectScreen session={session} screenKey={screen.key} />
            ) : null}
          </div>
          <div id={hintId} style={HIDDEN}>
            {labels.keyboardHint}
          </div>
          {toolbar || overlay ? <ConsoleAnnouncer announceErrors={!overlay} /> : null}
          {children}
        </ConsoleControlsContext>
      </ConsoleViewerContext>
    </div>
  )
}

/** Connects the screen rendered just before it, once react-vnc's own mount effect has run. */
function ConnectScreen({ session, screenKey }: { session: ConsoleSession; screenKey: number }) {
  useEffect(() => session.screen.connect(screenKey), [session, screenKey])
  return null
}
