import { IDLE_STATUS } from '../../core/connection/consoleStatusReducer.js'
import { ConsoleError } from '../../core/errors/ConsoleError.js'
import type { ConsoleViewSettings, VncCredentials } from '../types.js'
import { vncScreenLoader } from '../loaders/vncScreenLoader.js'
import { captureScreenshot } from './captureScreenshot.js'
import { ConnectionController } from './ConnectionController.js'
import type { KeyboardLayout } from '../../keys/KeyboardLayout.js'
import { GuestLayout } from './keyboard/GuestLayout.js'
import { KeyboardController } from './keyboard/KeyboardController.js'
import { PasteController } from './keyboard/PasteController.js'
import { TypingController } from './keyboard/TypingController.js'
import type { RfbEvent, SessionProps, SessionView } from './types.js'
import { NoVncScreen } from './NoVncScreen.js'
import type { EarlySocket } from '../urls/EarlySocket.js'
import { ViewSettings } from './ViewSettings.js'
import { ViewStore } from './ViewStore.js'

/**
 * One `<ConsoleViewer>`'s life outside React, so StrictMode's double effects, re-renders and
 * unstable callbacks cannot open extra sockets or fetch extra tokens. It composes the parts and
 * routes react-vnc's events to them: the connection (attempts, reconnects, status), the noVNC
 * screen, the display settings, the keyboard and typing. React renders `store`.
 */
export class ConsoleSession {
  props: SessionProps = {}
  readonly settings = new ViewSettings()
  readonly store: ViewStore<SessionView>
  readonly screen: NoVncScreen
  readonly connection: ConnectionController
  readonly keyboard: KeyboardController
  readonly typing: TypingController
  readonly paste: PasteController
  private readonly layout = new GuestLayout()
  private pasteRequests = 0
  /** The VNC server offers XVP power (its capabilities event). */
  private xvp = false

  constructor() {
    this.store = new ViewStore<SessionView>({
      status: IDLE_STATUS,
      screen: null,
      settings: this.settings.settings(),
      clipboardText: undefined,
      captured: false,
      sticky: [],
      typing: null,
      credentialTypes: [],
      poppedOut: false,
      guestLayout: 'en-US',
      pasteRequest: null,
      alsoServerClipboard: false,
      imeHint: false,
    })
    const send = (keysym: number, code: string, down: boolean) =>
      this.screen.sendKey(keysym, code, down)
    const canSend = () => this.canSend()
    this.screen = new NoVncScreen(
      (key) => this.connection.isCurrent(key),
      () => this.applyView(),
      // noVNC never saw that socket: report its close as noVNC would (not clean).
      (key) => this.connection.dropped(key, false),
    )
    this.connection = new ConnectionController({
      props: () => this.props,
      takeEarlyUrl: (signal) => {
        const { earlyUrl, getUrl, connectionKey, url } = this.props
        const head = earlyUrl?.current
        // The shell's key: a `url` viewer's target is its URL unless `connectionKey` says otherwise.
        const promise = head?.take(getUrl ? connectionKey : (connectionKey ?? url), signal)
        return promise && { promise, url: head?.url, socket: head?.socket }
      },
      // The shell's opener: the socket's code loads with the package, not in the viewer's chunk.
      openSocket: (key, url, early) =>
        this.screen.open(
          key,
          () => (early as EarlySocket | undefined) ?? this.props.openSocket?.(url),
        ),
      screenReady: () => Boolean(vncScreenLoader.current),
      loadScreen: () => vncScreenLoader.load(),
      mountScreen: (key, url) => this.store.set({ screen: { key, url } }),
      unmountScreen: () => {
        this.screen.close()
        this.typing.stop()
        this.keyboard.reset()
        this.store.set({ screen: null })
      },
      phase: () => this.screen.phase(),
      statusChanged: (status) => this.store.set({ status }),
    })
    this.keyboard = new KeyboardController({
      canSend,
      sendKey: send,
      element: () => this.screen.host,
      sticky: () => this.view.sticky,
      setSticky: (sticky) => this.store.set({ sticky }),
      setCaptured: (captured) => this.store.set({ captured }),
      pasteShortcut: () => this.props.pasteShortcut,
      paste: () => void this.paste.fromClipboard(),
      composing: () => this.store.set({ imeHint: true }),
    })
    this.typing = new TypingController({
      canSend,
      sendKey: send,
      setTyping: (typing) => this.store.set({ typing }),
      scancodeOnly: () => this.screen.scancodeOnly(),
      backlog: () => this.screen.backlog(),
    })
    this.paste = new PasteController({
      typing: this.typing,
      layout: () => this.view.guestLayout,
      alsoServerClipboard: () => this.view.alsoServerClipboard && this.screen.serverClipboard(),
      setServerClipboard: (text) => this.setServerClipboard(text),
      request: (request) =>
        this.store.set({ pasteRequest: { ...request, id: ++this.pasteRequests } }),
    })
  }

  get view(): SessionView {
    return this.store.get()
  }

  /** Takes the latest props and elements after each render, and updates the running view. */
  sync(props: SessionProps, host: HTMLElement | null, stash: HTMLElement | null): void {
    this.props = props
    this.screen.host = host
    this.screen.stash = stash
    this.settings.sync(props)
    this.updateSettings()
    this.syncLayout()
    this.syncPower()
  }

  /** `capabilities.power`: XVP from the VNC server, or cloud actions from the `vmPower` prop. */
  private syncPower(): void {
    const cloud = (this.props.vmPower?.actions.length ?? 0) > 0
    // `xvp` only when true, so a viewer without power keeps its status object (no change event).
    const capabilities = this.xvp ? { power: true, xvp: true } : { power: cloud }
    this.connection.dispatch({ type: 'server', capabilities })
  }

  /** The user chose the guest layout in "Type text": remembered per `connectionKey`. */
  setGuestLayout(layout: KeyboardLayout): void {
    this.layout.choose(layout)
    this.syncLayout()
  }

  /** The toolbar changes display settings on the running session (no reconnect). */
  setSettings(patch: Partial<ConsoleViewSettings>): void {
    this.settings.choose(patch)
    if (this.updateSettings()) this.props.onViewSettingsChange?.(this.view.settings)
    if (patch.viewOnly) this.typing.stop()
  }

  /** The app or the user asks for a connection: a fresh attempt with a clean slate. */
  connect(): void {
    this.store.set({ poppedOut: false })
    this.connection.connect()
  }

  /** After the console opened in another window: close this one, and say why. */
  poppedOut(): void {
    this.connection.disconnect()
    this.store.set({ poppedOut: true })
  }

  /** react-vnc's event props for the screen of attempt `key`; events of older screens are dropped. */
  screenEvents(key: number): Record<string, (event: RfbEvent) => void> {
    const current = (fn: (detail: Record<string, unknown>) => void) => (event: RfbEvent) => {
      if (this.connection.isCurrent(key)) fn(event.detail ?? {})
    }
    const text = (value: unknown) => (typeof value === 'string' ? value : '')
    return {
      onConnect: () => this.connection.connected(key),
      onDisconnect: (event) => this.connection.dropped(key, event.detail?.clean === true),
      onSecurityFailure: (event) => {
        const reason = text(event.detail?.reason)
        const message = reason
          ? `The VNC server refused the connection: ${reason}`
          : 'The VNC server refused the credentials.'
        this.connection.failed(
          key,
          new ConsoleError({ kind: 'vnc_security', provider: 'vnc', message }),
        )
      },
      onCredentialsRequired: current((detail) => {
        const types = Array.isArray(detail.types) ? detail.types.map(String) : []
        const given = this.props.credentials
        if (given && (given.password !== undefined || given.username !== undefined))
          return this.screen.sendCredentials(given)
        this.store.set({ credentialTypes: types })
        this.connection.dispatch({ type: 'server', credentialsRequired: true })
        this.props.onCredentialsRequired?.(types)
      }),
      onClipboard: current((detail) => {
        if (typeof detail.text !== 'string') return
        this.store.set({ clipboardText: detail.text })
        this.props.onClipboard?.(detail.text)
      }),
      onBell: current(() => this.props.onBell?.()),
      onDesktopName: current((detail) => {
        const name = text(detail.name)
        this.connection.dispatch({ type: 'server', desktopName: name })
        this.props.onDesktopName?.(name)
      }),
      onCapabilities: current((detail) => {
        this.xvp = (detail.capabilities as { power?: unknown })?.power === true
        this.syncPower()
        this.props.onCapabilities?.(this.view.status.capabilities)
      }),
    }
  }

  sendCredentials(credentials: VncCredentials): void {
    this.screen.sendCredentials(credentials)
    this.connection.dispatch({ type: 'server', credentialsRequired: false })
  }

  sendCtrlAltDel(): void {
    if (this.canSend()) this.screen.sendCtrlAltDel()
  }

  setServerClipboard(text: string): void {
    if (this.canSend()) this.screen.setServerClipboard(text)
  }

  power(action: 'shutdown' | 'reboot' | 'reset'): void {
    if (this.canSend() && this.view.status.capabilities.xvp) this.screen.power(action)
  }

  screenshot(): Promise<Blob> {
    return captureScreenshot(this.screen.canvas(), this.view.status.state === 'connected')
  }

  /** Connected, and input allowed. */
  canSend(): boolean {
    return this.view.status.state === 'connected' && !this.settings.effective().viewOnly
  }

  /** Pushes display settings to the running session (react-vnc only reads them at connect). */
  applyView(): void {
    this.screen.apply(this.settings.effective())
  }

  private syncLayout(): void {
    const guestLayout = this.layout.sync(this.props)
    if (guestLayout !== this.view.guestLayout) this.store.set({ guestLayout })
  }

  private updateSettings(): boolean {
    const settings = this.settings.settings()
    this.applyView()
    if (ViewSettings.same(settings, this.view.settings)) return false
    this.store.set({ settings })
    return true
  }
}
