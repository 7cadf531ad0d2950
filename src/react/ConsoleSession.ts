import type { VncScreenHandle } from 'react-vnc'
import { ConsoleError, type ConsoleErrorKind } from '../core/ConsoleError.js'
import { parseKeyCombo } from '../core/parseKeyCombo.js'
import { namedKeys } from '../core/namedKeys.js'
import { DEFAULT_RECONNECT_POLICY, reconnectDelay } from '../core/reconnectDelay.js'
import { textToKeystrokes } from '../core/textToKeystrokes.js'
import type { KeyStroke } from '../core/KeyStroke.js'
import type { ConsoleStatus } from './ConsoleStatus.js'
import type { CredentialHeadStart } from './CredentialHeadStart.js'
import type { ConsoleViewerProps, ConsoleViewProps } from './ConsoleViewerProps.js'
import type { ConsoleViewSettings } from './ConsoleViewSettings.js'
import type { StickyModifier } from './StickyModifier.js'
import type { TypeTextOptions } from './TypeTextOptions.js'
import type { TypeTextResult } from './TypeTextResult.js'
import { quietRepeatDisconnect } from './quietRepeatDisconnect.js'
import { VIEW_DEFAULTS } from './viewDefaults.js'
import { toConsoleError } from './toConsoleError.js'
import type { VncCredentials } from './VncCredentials.js'
import { vncScreenLoader } from './vncScreenLoader.js'

const WS_URL = /^wss?:\/\/./i

/** What the viewer renders: the status, and which react-vnc screen (one per attempt) is mounted. */
export interface SessionView {
  status: ConsoleStatus
  screen: { key: number; url: string } | null
  /** The display settings in effect: props, then what the user chose in the toolbar. */
  settings: ConsoleViewSettings
  /** The last text the server put on its clipboard. */
  clipboardText: string | undefined
  /** The canvas has the keyboard focus: keys go to the VM. */
  captured: boolean
  sticky: readonly StickyModifier[]
  /** Progress of `typeText`, null when not typing. */
  typing: { done: number; total: number } | null
  /** What the server asked for when `credentialsRequired` (e.g. ['password']). */
  credentialTypes: readonly string[]
  /** The user opened the console in another window and this one closed. */
  poppedOut: boolean
}

// The loading shell's early first fetch, if it started one (see CredentialHeadStart).
type Props = ConsoleViewerProps & { headStart?: { current?: CredentialHeadStart } }
type ViewKey = keyof ConsoleViewProps

type RfbEvent = { detail?: Record<string, unknown> }
type Rfb = NonNullable<VncScreenHandle['rfb']> & Record<string, unknown>

const FINAL_KINDS: ReadonlySet<ConsoleErrorKind> = new Set<ConsoleErrorKind>([
  'unauthorized',
  'forbidden',
  'not_found',
  'invalid_input',
  'invalid_response',
  'vnc_security',
])
const IDLE: ConsoleStatus = { state: 'idle', attempt: 0, capabilities: { power: false } }

const VIEW_KEYS = Object.keys(VIEW_DEFAULTS) as ViewKey[]

const STICKY_KEYS: Record<StickyModifier, KeyStroke> = {
  ctrl: namedKeys.get('ctrl')!,
  alt: namedKeys.get('alt')!,
  super: namedKeys.get('super')!,
}
const MODIFIER_KEYS = new Set(['Control', 'Alt', 'AltGraph', 'Shift', 'Meta', 'OS', 'Super'])

/**
 * The documented keyboard release: Ctrl+Alt+Shift (modifiers only, so nothing reaches the VM as a
 * character and no layout moves it). A keyboard user is never trapped in the console.
 */
function isReleaseHotkey(event: KeyboardEvent): boolean {
  return (
    event.ctrlKey &&
    event.altKey &&
    event.shiftKey &&
    (event.key === 'Control' || event.key === 'Alt' || event.key === 'Shift')
  )
}

function toSettings(view: Required<ConsoleViewProps>): ConsoleViewSettings {
  return {
    scaling: view.resizeSession ? 'remote' : view.scaleViewport ? 'fit' : 'none',
    viewOnly: view.viewOnly,
    qualityLevel: view.qualityLevel,
    compressionLevel: view.compressionLevel,
  }
}

function fromSettings(patch: Partial<ConsoleViewSettings>): Partial<ConsoleViewProps> {
  const out: Partial<ConsoleViewProps> = {}
  if (patch.scaling) {
    out.scaleViewport = patch.scaling === 'fit'
    out.resizeSession = patch.scaling === 'remote'
    // 1:1 scrolls (the screen element overflows) rather than clipping to a draggable viewport.
    out.clipViewport = false
  }
  if (patch.viewOnly !== undefined) out.viewOnly = patch.viewOnly
  if (patch.qualityLevel !== undefined) out.qualityLevel = patch.qualityLevel
  if (patch.compressionLevel !== undefined) out.compressionLevel = patch.compressionLevel
  return out
}

const sameSettings = (a: ConsoleViewSettings, b: ConsoleViewSettings) =>
  a.scaling === b.scaling &&
  a.viewOnly === b.viewOnly &&
  a.qualityLevel === b.qualityLevel &&
  a.compressionLevel === b.compressionLevel

/**
 * The connection lifecycle of one `<ConsoleViewer>`, outside React so that StrictMode's double
 * effects, re-renders and unstable callbacks cannot open extra sockets or fetch extra tokens.
 *
 * Each attempt has an id; anything that arrives for an older id (a late fetch, react-vnc's
 * synthetic disconnect on unmount) is ignored. Work starts from timers that `stop()` cancels,
 * so StrictMode's mount-unmount-mount starts exactly one attempt.
 */
export class ConsoleSession {
  props: Props = {}
  view: SessionView = {
    status: IDLE,
    screen: null,
    settings: toSettings(VIEW_DEFAULTS),
    clipboardText: undefined,
    captured: false,
    sticky: [],
    typing: null,
    credentialTypes: [],
    poppedOut: false,
  }
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
  private readonly refs = new Map<number, (handle: VncScreenHandle | null) => void>()
  private readonly listeners = new Set<() => void>()
  /** Display settings the user chose in the toolbar; a later change of the same prop wins again. */
  private overrides: Partial<ConsoleViewProps> = {}
  /** Physical keys down on the canvas (DOM codes), to release them when the keyboard is released. */
  private readonly held = new Set<string>()
  /** The physical key that the sticky modifiers were pressed for. */
  private stickyFor: string | undefined
  private readonly stickyKeys: KeyStroke[] = []
  private typingRun: { cancelled: boolean } | undefined

  /** Takes the latest props and elements after each render, and updates the running view. */
  sync(props: Props, host: HTMLElement | null, stash: HTMLElement | null): void {
    for (const key of VIEW_KEYS) {
      if (props[key] !== this.props[key]) delete this.overrides[key]
    }
    this.props = props
    this.host = host
    this.stash = stash
    this.updateSettings()
    this.applyView()
  }

  /** The display settings in effect: defaults, then props, then the user's toolbar choices. */
  effectiveView(): Required<ConsoleViewProps> {
    const view = { ...VIEW_DEFAULTS }
    for (const key of VIEW_KEYS) {
      const value = this.overrides[key] ?? this.props[key]
      if (value !== undefined) (view as Record<ViewKey, unknown>)[key] = value
    }
    return view
  }

  /** The toolbar changes display settings on the running session (no reconnect). */
  setSettings(patch: Partial<ConsoleViewSettings>): void {
    this.overrides = { ...this.overrides, ...fromSettings(patch) }
    if (this.updateSettings()) this.props.onViewSettingsChange?.(this.view.settings)
    this.applyView()
    if (patch.viewOnly) this.stopTyping()
  }

  private updateSettings(): boolean {
    const settings = toSettings(this.effectiveView())
    if (sameSettings(settings, this.view.settings)) return false
    this.set({ settings })
    return true
  }

  /** For `useSyncExternalStore`: the view is this session's state, React only renders it. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  readonly getView = (): SessionView => this.view

  /** Starts a new attempt in a microtask (`stop()` makes it a no-op). */
  start(): void {
    this.stop()
    const id = this.id
    // After StrictMode's synchronous mount-unmount-mount, only the last id is current.
    queueMicrotask(() => this.attempt(id))
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
    this.stopTyping()
    this.held.clear()
    this.stickyFor = undefined
    this.host?.replaceChildren()
    if (this.view.screen) this.set({ screen: null })
  }

  /** No target, or autoConnect turned off: close whatever runs and show `idle`, not a stale state. */
  reset(): void {
    this.stop()
    this.failures = 0
    this.setStatus({
      state: 'idle',
      attempt: 0,
      nextRetryAt: undefined,
      error: undefined,
      credentialsRequired: false,
    })
  }

  /** The app or the user asks for a connection: a fresh attempt with a clean slate. */
  connect(): void {
    this.failures = 0
    if (this.view.poppedOut) this.set({ poppedOut: false })
    this.start()
  }

  /** After the console opened in another window: close this one, and say why. */
  poppedOut(): void {
    this.disconnect()
    this.set({ poppedOut: true })
  }

  /** The app or the user closes the console; nothing reconnects until `connect()`. */
  disconnect(): void {
    const wasActive = this.view.status.state !== 'idle' && this.view.status.state !== 'error'
    this.stop()
    this.failures = 0
    // A cancelled reconnect keeps no countdown and no stale error.
    this.setStatus({
      state: 'disconnected',
      attempt: 0,
      nextRetryAt: undefined,
      error: undefined,
      credentialsRequired: false,
    })
    if (wasActive) this.props.onDisconnect?.({ clean: true, byUser: true })
  }

  /** A stable ref callback for the screen of attempt `key`: keeps its handle for `connectScreen`. */
  screenRef(key: number): (handle: VncScreenHandle | null) => void {
    let ref = this.refs.get(key)
    if (!ref) {
      ref = (handle) => {
        if (!handle || key !== this.id) return
        this.handle = handle
        if (handle.rfb) {
          quietRepeatDisconnect(handle.rfb)
          this.applyView()
        }
      }
      this.refs.set(key, ref)
    }
    return ref
  }

  /**
   * Connects the screen of attempt `key`, from a passive effect rendered after it. A microtask,
   * cancelled by the effect's cleanup: StrictMode replays react-vnc's own mount effect (whose
   * cleanup disconnects) synchronously after the first run, so only the replayed run connects.
   * Unlike a timer, this connects before the browser gets a chance to render a frame.
   */
  connectScreen(key: number): () => void {
    let cancelled = false
    queueMicrotask(() => {
      const handle = this.handle
      if (cancelled || !handle || key !== this.id || this.connectedKey === key) return
      this.connectedKey = key
      handle.connect()
      this.adoptScreen()
    })
    return () => {
      cancelled = true
    }
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
        this.set({ credentialTypes: types })
        this.setStatus({ credentialsRequired: true })
        this.props.onCredentialsRequired?.(types)
      }),
      onClipboard: current((event) => {
        if (typeof event.detail?.text !== 'string') return
        this.set({ clipboardText: event.detail.text })
        this.props.onClipboard?.(event.detail.text)
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

  /** Presses `combo` (with any sticky modifiers first), then releases in reverse. */
  sendKeys(combo: string): void {
    const parsed = parseKeyCombo(combo)
    if (!this.canSend()) return
    const sticky = this.takeSticky().filter((s) => !parsed.some((k) => k.keysym === s.keysym))
    const keys = [...sticky, ...parsed]
    for (const key of keys) this.handle?.sendKey(key.keysym, key.code, true)
    for (const key of keys.toReversed()) this.handle?.sendKey(key.keysym, key.code, false)
  }

  toggleSticky(modifier: StickyModifier): void {
    const sticky = this.view.sticky.includes(modifier)
      ? this.view.sticky.filter((m) => m !== modifier)
      : [...this.view.sticky, modifier]
    this.set({ sticky })
  }

  /** The sticky modifiers' keys, in a fixed order, and clears them: they apply to one key. */
  private takeSticky(): KeyStroke[] {
    const order: StickyModifier[] = ['ctrl', 'alt', 'super']
    const keys = order.filter((m) => this.view.sticky.includes(m)).map((m) => STICKY_KEYS[m])
    if (keys.length) this.set({ sticky: [] })
    return keys
  }

  /**
   * Types `text` key by key (see `textToKeystrokes`), one character per `delayMs`. Stops early
   * when cancelled, disconnected, made view-only or replaced by another text. A character is never
   * cut in half: its modifiers are always released.
   */
  async typeText(text: string, options: TypeTextOptions = {}): Promise<TypeTextResult> {
    this.stopTyping()
    const characters = textToKeystrokes(text, options.layout).filter((c) => c.keys.length > 0)
    const delayMs = Math.max(0, options.delayMs ?? 20)
    const run = { cancelled: false }
    this.typingRun = run
    const total = characters.length
    let done = 0
    this.set({ typing: { done, total } })
    try {
      for (const character of characters) {
        if (run.cancelled || !this.canSend()) break
        for (const key of character.keys) this.handle?.sendKey(key.keysym, key.code, key.down)
        done++
        this.set({ typing: { done, total } })
        if (done < total) await new Promise((resolve) => setTimeout(resolve, delayMs))
      }
      return { done, total, cancelled: done < total }
    } finally {
      if (this.typingRun === run) {
        this.typingRun = undefined
        this.set({ typing: null })
      }
    }
  }

  stopTyping(): void {
    if (this.typingRun) this.typingRun.cancelled = true
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

  /** Gives the VM the keyboard (focus on noVNC's canvas), when it can take input. */
  captureKeyboard(): void {
    if (this.canSend()) this.focus()
  }

  /**
   * Takes the keyboard back: keys still down on the canvas are released at the VM first (noVNC
   * only does that on window blur), then the focusable console element gets the focus.
   */
  releaseKeyboard(): void {
    const canvas = this.host?.querySelector('canvas')
    for (const code of [...this.held]) {
      canvas?.dispatchEvent(new KeyboardEvent('keyup', { code, bubbles: true, cancelable: true }))
    }
    this.held.clear()
    this.host?.focus({ preventScroll: true })
  }

  /** After a toolbar action: the keyboard back to the VM if it takes input, else to the console. */
  returnFocus(): void {
    if (this.canSend() && this.host?.querySelector('canvas')) this.focus()
    else this.host?.focus({ preventScroll: true })
  }

  /** Keyboard handling on the console element; returns the cleanup. */
  attachKeyboard(host: HTMLElement): () => void {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.target instanceof HTMLCanvasElement)) {
        // Enter on the focused console element captures the keyboard.
        if (event.target === host && event.key === 'Enter' && this.canSend()) {
          event.preventDefault()
          this.captureKeyboard()
        }
        return
      }
      if (isReleaseHotkey(event)) {
        event.preventDefault()
        event.stopPropagation()
        this.releaseKeyboard()
        return
      }
      this.held.add(event.code)
      if (!this.stickyFor && !MODIFIER_KEYS.has(event.key) && this.view.sticky.length) {
        // Runs before noVNC's own handler on the canvas, so the modifiers reach the VM first.
        this.stickyFor = event.code
        for (const key of this.takeSticky()) {
          this.handle?.sendKey(key.keysym, key.code, true)
          this.stickyKeys.push(key)
        }
      }
    }
    const onKeyUp = (event: KeyboardEvent) => {
      this.held.delete(event.code)
      if (event.code !== this.stickyFor) return
      this.stickyFor = undefined
      const keys = this.stickyKeys.splice(0)
      // After noVNC has sent this key's release (its handler runs after this capture listener).
      setTimeout(() => {
        for (const key of keys.toReversed()) this.handle?.sendKey(key.keysym, key.code, false)
      }, 0)
    }
    const onFocusChange = () => {
      const active = host.ownerDocument.activeElement
      const captured = active instanceof HTMLCanvasElement && host.contains(active)
      if (captured !== this.view.captured) this.set({ captured })
    }
    host.addEventListener('keydown', onKeyDown, true)
    host.addEventListener('keyup', onKeyUp, true)
    host.addEventListener('focusin', onFocusChange)
    host.addEventListener('focusout', onFocusChange)
    return () => {
      host.removeEventListener('keydown', onKeyDown, true)
      host.removeEventListener('keyup', onKeyUp, true)
      host.removeEventListener('focusin', onFocusChange)
      host.removeEventListener('focusout', onFocusChange)
    }
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
    const settings: Record<string, unknown> = this.effectiveView()
    for (const [key, value] of Object.entries(settings)) {
      if (rfb[key] !== value) rfb[key] = value
    }
  }

  private attempt(id: number): void {
    if (id !== this.id) return
    const { getUrl, url } = this.props
    this.abort = new AbortController()
    const { signal } = this.abort
    const head = getUrl ? this.props.headStart?.current : undefined
    const early = head?.take(this.props.connectionKey, signal)
    // A ready URL (given, or fetched while the code loaded) and react-vnc at hand: mount the
    // screen in the same render as `connecting`.
    const ready = getUrl ? early && head?.url : url
    if (vncScreenLoader.current && typeof ready === 'string' && WS_URL.test(ready)) {
      this.setStatus({ state: 'connecting', credentialsRequired: false })
      this.set({ screen: { key: id, url: ready } })
      return
    }
    this.setStatus({ state: getUrl ? 'fetching' : 'connecting', credentialsRequired: false })
    const target = getUrl
      ? (early ?? getUrl(signal)).then((value) => {
          if (id === this.id) this.setStatus({ state: 'connecting' })
          return value
        })
      : Promise.resolve(url)
    Promise.all([target, vncScreenLoader.load()]).then(
      ([value]) => {
        if (id !== this.id) return
        if (typeof value !== 'string' || !WS_URL.test(value)) {
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
        // The kinds that retrying cannot fix stop here, whatever a getUrl or gateway claims.
        if (consoleError.retryable && !FINAL_KINDS.has(consoleError.kind)) {
          this.retryOrFail(consoleError)
        } else {
          this.fail(consoleError)
        }
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

  canSend(): boolean {
    return this.view.status.state === 'connected' && !this.effectiveView().viewOnly
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
