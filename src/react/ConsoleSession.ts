import type { VncScreenHandle } from 'react-vnc'
import { ConsoleError } from '../core/ConsoleError.js'
import { parseKeyCombo } from '../core/parseKeyCombo.js'
import { DEFAULT_RECONNECT_POLICY, reconnectDelay } from '../core/reconnectDelay.js'
import type { ConsoleStatus } from './ConsoleStatus.js'
import type { ConsoleViewerProps } from './ConsoleViewerProps.js'
import { toConsoleError } from './toConsoleError.js'
import type { VncCredentials } from './VncCredentials.js'
import { vncScreenLoader } from './vncScreenLoader.js'

/** What the viewer renders: the status, and which react-vnc screen (one per attempt) is mounted. */
export interface SessionView {
  status: ConsoleStatus
  screen: { key: number; url: string } | null
}

type RfbEvent = { detail?: Record<string, unknown> }
type Rfb = NonNullable<VncScreenHandle['rfb']> & Record<string, unknown>

const IDLE: ConsoleStatus = { state: 'idle', attempt: 0, capabilities: { power: false } }

/**
 * The connection lifecycle of one `<ConsoleViewer>`, outside React so that StrictMode's double
 * effects, re-renders and unstable callbacks cannot open extra sockets or fetch extra tokens.
 *
 * Each attempt has an id; anything that arrives for an older id (a late fetch, react-vnc's
 * synthetic disconnect on unmount) is ignored. Work starts from timers that `stop()` cancels,
 * so StrictMode's mount-unmount-mount starts exactly one attempt.
 */
export class ConsoleSession {
  props: ConsoleViewerProps = {}
  view: SessionView = { status: IDLE, screen: null }
  /** Where the live screen is shown; set by the viewer. */
  host: HTMLElement | null = null
  /** Where react-vnc's own element is kept, hidden (see `adoptScreen`). */
  stash: HTMLElement | null = null

  private id = 0
  private timer: ReturnType<typeof setTimeout> | undefined
  private abort: AbortController | undefined
  private failures = 0
  private handle: VncScreenHandle | null = null
  private connectedKey = -1
  private readonly refs = new Map<number, (handle: VncScreenHandle | null) => (() => void) | void>()
  private readonly listeners = new Set<() => void>()

  /** Takes the latest props and elements after each render, and updates the running view. */
  sync(props: ConsoleViewerProps, host: HTMLElement | null, stash: HTMLElement | null): void {
    this.props = props
    this.host = host
    this.stash = stash
    this.applyView()
  }

  /** For `useSyncExternalStore`: the view is this session's state, React only renders it. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  readonly getView = (): SessionView => this.view

  /** Starts a new attempt on the next tick (cancelled by `stop()`). */
  start(): void {
    this.stop()
    const id = this.id
    this.timer = setTimeout(() => this.attempt(id), 0)
  }

  /** Cancels everything in flight and closes the socket; later events of this attempt are ignored. */
  stop(): void {
    this.id++
    clearTimeout(this.timer)
    this.timer = undefined
    this.abort?.abort()
    this.abort = undefined
    const handle = this.handle
    this.handle = null
    this.refs.clear()
    // react-vnc removes listeners before closing, and its synthetic event carries an old id.
    handle?.disconnect()
    this.host?.replaceChildren()
    if (this.view.screen) this.set({ screen: null })
  }

  /** The app or the user asks for a connection: a fresh attempt with a clean slate. */
  connect(): void {
    this.failures = 0
    this.start()
  }

  /** The app or the user closes the console; nothing reconnects until `connect()`. */
  disconnect(): void {
    const wasActive = this.view.status.state !== 'idle' && this.view.status.state !== 'error'
    this.stop()
    this.failures = 0
    this.setStatus({ state: 'disconnected', attempt: 0, credentialsRequired: false })
    if (wasActive) this.props.onDisconnect?.({ clean: true, byUser: true })
  }

  /** A stable ref callback for the screen of attempt `key`: connects once it is mounted. */
  screenRef(key: number): (handle: VncScreenHandle | null) => (() => void) | void {
    let ref = this.refs.get(key)
    if (!ref) {
      ref = (handle) => {
        if (!handle || key !== this.id) return
        this.handle = handle
        if (handle.rfb) this.applyView()
        if (this.connectedKey === key) return
        // A timer, not a direct call: StrictMode attaches refs twice and the cleanup cancels one.
        const timer = setTimeout(() => {
          if (key !== this.id || this.connectedKey === key) return
          this.connectedKey = key
          handle.connect()
          this.adoptScreen()
        }, 0)
        return () => clearTimeout(timer)
      }
      this.refs.set(key, ref)
    }
    return ref
  }

  /** react-vnc's event props for the screen of attempt `key`. */
  screenEvents(key: number): Record<string, (event: RfbEvent) => void> {
    const current = (fn: (event: RfbEvent) => void) => (event: RfbEvent) => {
      if (key === this.id) fn(event)
    }
    return {
      onConnect: current(() => {
        this.failures = 0
        this.setStatus({
          state: 'connected',
          attempt: 0,
          nextRetryAt: undefined,
          error: undefined,
          credentialsRequired: false,
        })
        this.props.onConnect?.()
      }),
      onDisconnect: current((event) => {
        const clean = event.detail?.clean === true
        this.props.onDisconnect?.({ clean, byUser: false })
        // noVNC calls a server-side drop "clean" too, so only our own disconnects count as wanted.
        const wasConnected = this.view.status.state === 'connected'
        this.retryOrFail(
          new ConsoleError({
            kind: 'vnc_disconnected',
            provider: 'vnc',
            message: wasConnected
              ? 'The console connection was lost.'
              : 'Could not connect to the console.',
          }),
        )
      }),
      onSecurityFailure: current((event) => {
        const reason = typeof event.detail?.reason === 'string' ? event.detail.reason : ''
        this.fail(
          new ConsoleError({
            kind: 'vnc_security',
            provider: 'vnc',
            message: reason
              ? `The VNC server refused the connection: ${reason}`
              : 'The VNC server refused the credentials.',
          }),
        )
      }),
      onCredentialsRequired: current((event) => {
        const types = Array.isArray(event.detail?.types) ? event.detail.types.map(String) : []
        const given = this.props.credentials
        if (given && (given.password !== undefined || given.username !== undefined)) {
          this.handle?.sendCredentials(toNoVncCredentials(given))
          return
        }
        this.setStatus({ credentialsRequired: true })
        this.props.onCredentialsRequired?.(types)
      }),
      onClipboard: current((event) => {
        if (typeof event.detail?.text === 'string') this.props.onClipboard?.(event.detail.text)
      }),
      onBell: current(() => this.props.onBell?.()),
      onDesktopName: current((event) => {
        const name = typeof event.detail?.name === 'string' ? event.detail.name : ''
        this.setStatus({ desktopName: name })
        this.props.onDesktopName?.(name)
      }),
      onCapabilities: current((event) => {
        const caps = event.detail?.capabilities as { power?: unknown } | undefined
        const capabilities = { power: caps?.power === true }
        this.setStatus({ capabilities })
        this.props.onCapabilities?.(capabilities)
      }),
    }
  }

  sendCredentials(credentials: VncCredentials): void {
    this.handle?.sendCredentials(toNoVncCredentials(credentials))
    this.setStatus({ credentialsRequired: false })
  }

  sendKey(keysym: number, code: string, down?: boolean): void {
    if (!this.canSend()) return
    if (down === undefined) {
      this.handle?.sendKey(keysym, code, true)
      this.handle?.sendKey(keysym, code, false)
    } else {
      this.handle?.sendKey(keysym, code, down)
    }
  }

  sendKeys(combo: string): void {
    const keys = parseKeyCombo(combo)
    if (!this.canSend()) return
    for (const key of keys) this.handle?.sendKey(key.keysym, key.code, true)
    for (const key of keys.toReversed()) this.handle?.sendKey(key.keysym, key.code, false)
  }

  sendCtrlAltDel(): void {
    if (this.canSend()) this.handle?.sendCtrlAltDel()
  }

  pasteText(text: string): void {
    if (this.canSend()) this.handle?.clipboardPaste(text)
  }

  power(action: 'shutdown' | 'reboot' | 'reset'): void {
    if (!this.canSend() || !this.view.status.capabilities.power) return
    if (action === 'shutdown') this.handle?.machineShutdown()
    else if (action === 'reboot') this.handle?.machineReboot()
    else this.handle?.machineReset()
  }

  focus(): void {
    this.host?.querySelector('canvas')?.focus({ preventScroll: true })
  }

  blur(): void {
    this.host?.querySelector('canvas')?.blur()
  }

  screenshot(): Promise<Blob> {
    const canvas = this.host?.querySelector('canvas')
    if (!canvas || this.view.status.state !== 'connected') {
      return Promise.reject(
        new ConsoleError({
          kind: 'invalid_input',
          provider: 'vnc',
          message: 'The console is not connected.',
        }),
      )
    }
    return new Promise((resolve, reject) =>
      canvas.toBlob(
        (blob) =>
          blob
            ? resolve(blob)
            : reject(
                new ConsoleError({
                  kind: 'invalid_response',
                  provider: 'vnc',
                  message: 'The screen could not be captured.',
                }),
              ),
        'image/png',
      ),
    )
  }

  /** Pushes display settings to the running session (react-vnc only reads them at connect). */
  applyView(): void {
    const rfb = this.handle?.rfb as Rfb | null | undefined
    if (!rfb) return
    const p = this.props
    const settings: Record<string, unknown> = {
      viewOnly: p.viewOnly ?? false,
      scaleViewport: p.scaleViewport ?? true,
      resizeSession: p.resizeSession ?? false,
      clipViewport: p.clipViewport ?? false,
      qualityLevel: p.qualityLevel ?? 6,
      compressionLevel: p.compressionLevel ?? 2,
      showDotCursor: p.showDotCursor ?? false,
      background: p.background ?? '',
      focusOnClick: p.focusOnClick ?? true,
    }
    for (const [key, value] of Object.entries(settings)) {
      if (rfb[key] !== value) rfb[key] = value
    }
  }

  private attempt(id: number): void {
    if (id !== this.id) return
    const { getUrl, url } = this.props
    this.abort = new AbortController()
    const { signal } = this.abort
    this.setStatus({ state: getUrl ? 'fetching' : 'connecting', credentialsRequired: false })
    const target = getUrl
      ? getUrl(signal).then((value) => {
          if (id === this.id) this.setStatus({ state: 'connecting' })
          return value
        })
      : Promise.resolve(url)
    Promise.all([target, vncScreenLoader.load()]).then(
      ([value]) => {
        if (id !== this.id) return
        if (typeof value !== 'string' || !/^wss?:\/\/./i.test(value)) {
          this.fail(
            new ConsoleError({
              kind: 'invalid_input',
              provider: 'vnc',
              message: 'The console address is not a ws:// or wss:// URL.',
            }),
          )
          return
        }
        this.set({ screen: { key: id, url: value } })
      },
      (error: unknown) => {
        if (id !== this.id || signal.aborted) return
        const consoleError = toConsoleError(error, 'vnc')
        if (consoleError.kind === 'aborted') return
        if (consoleError.retryable) this.retryOrFail(consoleError)
        else this.fail(consoleError)
      },
    )
  }

  private retryOrFail(error: ConsoleError): void {
    const setting = this.props.reconnect ?? true
    const policy = setting === true ? DEFAULT_RECONNECT_POLICY : setting
    const max = policy === false ? 0 : (policy.maxAttempts ?? DEFAULT_RECONNECT_POLICY.maxAttempts)
    if (policy === false || this.failures >= max) {
      this.fail(error)
      return
    }
    this.failures++
    const delay = reconnectDelay(this.failures, policy)
    this.stop()
    const id = this.id
    this.setStatus({
      state: 'disconnected',
      attempt: this.failures,
      nextRetryAt: Date.now() + delay,
      error,
    })
    this.timer = setTimeout(() => this.attempt(id), delay)
  }

  private fail(error: ConsoleError): void {
    this.stop()
    this.setStatus({ state: 'error', error, nextRetryAt: undefined, credentialsRequired: false })
    this.props.onError?.(error)
  }

  private canSend(): boolean {
    return this.view.status.state === 'connected' && !(this.props.viewOnly ?? false)
  }

  /**
   * Moves noVNC's screen out of react-vnc's element into ours. react-vnc's element blurs the
   * page's focused input and grabs focus whenever the mouse enters it; kept hidden and empty, it
   * never sees the mouse. noVNC tolerates the move (it removes its screen with a NotFound guard).
   */
  private adoptScreen(): void {
    const screen = this.stash?.firstElementChild?.firstElementChild
    if (screen && this.host) this.host.replaceChildren(screen)
  }

  // Called from timers and socket events, never during a render, so callbacks may run at once.
  private setStatus(patch: Partial<ConsoleStatus>): void {
    const current = this.view.status
    if ((Object.keys(patch) as (keyof ConsoleStatus)[]).every((k) => current[k] === patch[k]))
      return
    const status = { ...current, ...patch }
    this.set({ status })
    this.props.onStateChange?.(status)
  }

  private set(patch: Partial<SessionView>): void {
    this.view = { ...this.view, ...patch }
    for (const listener of this.listeners) listener()
  }
}

function toNoVncCredentials(credentials: VncCredentials) {
  return {
    username: credentials.username ?? '',
    password: credentials.password ?? '',
    target: credentials.target ?? '',
  }
}
