import { ConsoleError } from '../../core/errors/ConsoleError.js'
import { consoleStatusReducer, IDLE_STATUS } from '../../core/connection/consoleStatusReducer.js'
import { decideReconnect } from '../../core/connection/decideReconnect.js'
import { dropError } from '../../core/connection/dropError.js'
import type { ReconnectPolicy } from '../../core/connection/reconnectDelay.js'
import type {
  ConnectionPhase,
  ConsoleStatus,
  ConsoleStatusEvent,
} from '../../core/connection/types.js'
import { toConsoleError } from '../urls/toConsoleError.js'
import type { VmPowerAction } from '../../core/power/VmPowerAction.js'
import type { VmPowerControl } from './VmPowerControl.js'
import type { VmState } from '../../core/power/VmState.js'

const WS_URL = /^wss?:\/\/./i

/** The viewer props the connection reads, fresh at every step (new identities never reconnect). */
export interface ConnectionProps {
  url?: string
  getUrl?: (signal: AbortSignal) => Promise<string>
  reconnect?: boolean | ReconnectPolicy
  onStateChange?: (status: ConsoleStatus) => void
  onConnect?: () => void
  onDisconnect?: (detail: { clean: boolean; byUser: boolean }) => void
  onError?: (error: ConsoleError) => void
  /** The cloud's view of the VM: asked once when an attempt fails, and for power actions. */
  vmPower?: VmPowerControl
}

/** Where the connection's URL and screen come from: the viewer in the browser, fakes in tests. */
export interface ConnectionHost {
  props(): ConnectionProps
  /**
   * The loading shell's early first fetch, for this attempt only: its promise, its URL once
   * settled, and the socket it opened on that URL, if it did.
   */
  takeEarlyUrl(
    signal: AbortSignal,
  ): { promise: Promise<string>; url: unknown; socket: unknown } | undefined
  /** The screen's code (react-vnc): loaded already, or a promise of it. */
  screenReady(): boolean
  loadScreen(): Promise<unknown>
  /**
   * Opens attempt `id`'s socket on `url` (or takes `early`, the shell's), as soon as the URL is
   * known: its round trips then overlap the screen's code. Again for the same `id`: no-op.
   */
  openSocket(id: number, url: string, early: unknown): void
  /** Mount the screen for attempt `id` on its socket; `unmountScreen` closes and removes both. */
  mountScreen(id: number, url: string): void
  unmountScreen(): void
  /** How far the current screen's socket got (read when it closes). */
  phase(): ConnectionPhase
  statusChanged(status: ConsoleStatus): void
}

/**
 * One console's connection: attempts, fresh URLs, reconnect timers and the status they produce
 * (through `consoleStatusReducer`). No React, no DOM, no noVNC: the host mounts the screen.
 *
 * Each attempt has an id; anything that arrives for an older id (a late fetch, react-vnc's
 * synthetic disconnect on unmount) is ignored. Work starts from a microtask or timer that
 * `stop()` cancels, so StrictMode's mount-unmount-mount starts exactly one attempt; the viewer's
 * effect uses `begin()`/`release()`, which also keep an attempt that has started already.
 */
export class ConnectionController {
  status: ConsoleStatus = IDLE_STATUS
  /** The current attempt; events of any other are stale. */
  id = 0
  private timer: ReturnType<typeof setTimeout> | undefined
  private abort: AbortController | undefined
  private failures = 0
  private earlyCloses = 0
  /** A cloud power action in flight: the drop it causes is expected, not a failure. */
  private powerAbort: AbortController | undefined
  /** Set by `release()` until its microtask stops the attempt or `begin()` takes it back. */
  private releasing: { target: unknown } | undefined
  private readonly host: ConnectionHost

  constructor(host: ConnectionHost) {
    this.host = host
  }

  /** Starts a new attempt in a microtask (`stop()` makes it a no-op). */
  start(): void {
    this.stop()
    const id = this.id
    // After StrictMode's synchronous mount-unmount-mount, only the last id is current.
    queueMicrotask(() => this.attempt(id))
  }

  /** Attempt `id` is the current one, and not released (its events count). */
  isCurrent(id: number): boolean {
    return id === this.id && !this.releasing
  }

  /**
   * The viewer's effect for `target`: a new attempt, unless it takes back the one its own cleanup
   * released just before for the same target. StrictMode replays a layout effect (cleanup, then
   * setup, synchronously) only after the attempt started it had opened its socket: that attempt
   * goes on, so the replay costs no second socket or token.
   */
  begin(target: unknown): void {
    const released = this.releasing
    this.releasing = undefined
    if (released?.target !== target) this.start()
  }

  /**
   * The viewer's effect cleanup: the attempt's events are ignored from now on, and it stops in a
   * microtask unless `begin()` takes it back first (an unmount, a new target: it stops).
   */
  release(target: unknown): void {
    const releasing = { target }
    this.releasing = releasing
    queueMicrotask(() => {
      if (this.releasing === releasing) this.stop()
    })
  }

  /** Cancels everything in flight and closes the socket; later events of this attempt are ignored. */
  stop(): void {
    this.releasing = undefined
    this.id++
    clearTimeout(this.timer)
    this.timer = undefined
    this.abort?.abort()
    this.abort = undefined
    this.host.unmountScreen()
  }

  /** No target, or autoConnect turned off: close whatever runs and show `idle`, not a stale state. */
  reset(): void {
    this.stop()
    this.powerAbort?.abort()
    this.powerAbort = undefined
    this.failures = 0
    this.earlyCloses = 0
    this.dispatch({ type: 'reset' })
  }

  /** The app or the user asks for a connection: a fresh attempt with a clean slate. */
  connect(): void {
    this.failures = 0
    this.earlyCloses = 0
    this.start()
  }

  /** The app or the user closes the console; nothing reconnects until `connect()`. */
  disconnect(): void {
    const { state } = this.status
    const following = this.powerAbort
    this.stop()
    this.failures = 0
    this.earlyCloses = 0
    this.dispatch({ type: 'userDisconnected' })
    if (following) {
      // The cloud goes on with the action; this console stops following it and will not reconnect.
      following.abort()
      this.powerAbort = undefined
      this.dispatch({ type: 'vmState', vmState: 'unknown', hold: false })
    }
    if (state !== 'idle' && state !== 'error')
      this.host.props().onDisconnect?.({ clean: true, byUser: true })
  }

  dispatch(event: ConsoleStatusEvent): void {
    const next = consoleStatusReducer(this.status, event)
    if (next === this.status) return
    this.status = next
    this.host.statusChanged(next)
    this.host.props().onStateChange?.(next)
  }

  /** The screen of attempt `id` finished the RFB handshake. */
  connected(id: number): void {
    if (!this.isCurrent(id)) return
    this.failures = 0
    this.earlyCloses = 0
    this.dispatch({ type: 'connected' })
    this.host.props().onConnect?.()
  }

  /**
   * The socket of attempt `id` closed without us asking. noVNC calls a server-side drop "clean"
   * too, so only our own disconnects (which stop the attempt first) count as wanted.
   */
  dropped(id: number, clean: boolean): void {
    if (!this.isCurrent(id)) return
    const phase = this.host.phase()
    const wasConnected = this.status.state === 'connected'
    this.host.props().onDisconnect?.({ clean, byUser: false })
    // The app may have answered with disconnect() or connect(): that decided, not the drop.
    if (!this.isCurrent(id)) return
    if (this.powerAbort) {
      // Our own restart or shutdown: wait for the VM, the action's end reconnects.
      this.stop()
      this.dispatch({ type: 'vmState', vmState: this.status.vmState ?? 'unknown', hold: true })
      return
    }
    if (!wasConnected && phase === 'silent') this.earlyCloses++
    else this.earlyCloses = 0
    // A live session that drops retries at once; one that never started asks the cloud first.
    this.retryOrFail(dropError(wasConnected, phase, this.earlyCloses), wasConnected)
  }

  /**
   * Runs a cloud power action: the console shows the transition, ignores the drop it causes, and
   * once the cloud's task is done connects again with fresh access (or shows the VM stopped).
   */
  power(action: VmPowerAction): void {
    const control = this.host.props().vmPower
    if (!control || !control.actions.includes(action)) return
    this.powerAbort?.abort()
    const abort = new AbortController()
    this.powerAbort = abort
    const off = action === 'shutdown' || action === 'poweroff'
    const transition: VmState = action === 'start' ? 'starting' : off ? 'stopping' : 'restarting'
    const live = this.status.state === 'connected'
    if (!live) this.stop()
    this.dispatch({ type: 'vmState', vmState: transition, hold: !live })
    control.act(action, abort.signal).then(
      () => {
        if (this.powerAbort !== abort) return
        this.powerAbort = undefined
        if (off) {
          this.stop()
          this.dispatch({ type: 'vmState', vmState: 'stopped', hold: true })
        } else {
          this.dispatch({ type: 'vmState', vmState: 'running', hold: false })
          // A restart that did not drop the session leaves it be; otherwise fresh access.
          if (this.status.state !== 'connected') this.connect()
        }
      },
      (error: unknown) => {
        if (this.powerAbort !== abort) return
        this.powerAbort = undefined
        const consoleError = toConsoleError(error, 'vnc')
        if (consoleError.kind === 'aborted') return
        this.dispatch({ type: 'vmState', vmState: 'unknown', hold: false })
        this.fail(consoleError)
      },
    )
  }

  /** A final failure of attempt `id` (the VNC server refused the credentials). */
  failed(id: number, error: ConsoleError): void {
    if (this.isCurrent(id)) this.fail(error)
  }

  private attempt(id: number): void {
    if (!this.isCurrent(id)) return
    const { getUrl, url } = this.host.props()
    this.abort = new AbortController()
    const { signal } = this.abort
    const early = this.host.takeEarlyUrl(signal)
    const valid = (value: unknown): value is string =>
      typeof value === 'string' && WS_URL.test(value)
    const open = (value: unknown) => {
      if (valid(value) && this.isCurrent(id)) this.host.openSocket(id, value, early?.socket)
    }
    // A ready URL (given, or fetched while the code loaded) opens its socket now, and with the
    // screen at hand mounts it in the same render as `connecting`.
    const ready = getUrl ? early?.url : url
    open(ready)
    if (valid(ready) && this.host.screenReady()) {
      this.dispatch({ type: 'start', fetching: false })
      this.host.mountScreen(id, ready)
      return
    }
    this.dispatch({ type: 'start', fetching: Boolean(getUrl) })
    const target = getUrl
      ? (early?.promise ?? getUrl(signal)).then((value) => {
          if (this.isCurrent(id)) this.dispatch({ type: 'urlReady' })
          open(value)
          return value
        })
      : Promise.resolve(url)
    Promise.all([target, this.host.loadScreen()]).then(
      ([value]) => {
        if (!this.isCurrent(id)) return
        if (!valid(value)) {
          this.fail(
            new ConsoleError({
              kind: 'invalid_input',
              provider: 'vnc',
              message: 'The console address is not a ws:// or wss:// URL.',
            }),
          )
          return
        }
        this.host.mountScreen(id, value)
      },
      (error: unknown) => {
        if (!this.isCurrent(id) || signal.aborted) return
        const consoleError = toConsoleError(error, 'vnc')
        if (consoleError.kind !== 'aborted') this.retryOrFail(consoleError, false)
      },
    )
  }

  /**
   * After a failure: unless `asked` (or no cloud to ask), one state read first. A VM that is not
   * running holds the console (no attempt burned); running or unknown decide as any failure.
   */
  private retryOrFail(error: ConsoleError, asked: boolean): void {
    const control = this.host.props().vmPower
    if (control && !asked) {
      this.stop()
      const id = this.id
      this.abort = new AbortController()
      control.state(this.abort.signal).then(
        (info) => this.afterState(id, error, info.state),
        () => this.afterState(id, error, 'unknown'),
      )
      return
    }
    const decision = decideReconnect(error, this.failures, this.host.props().reconnect)
    if (!decision.retry) return this.fail(error)
    this.failures = decision.attempt
    this.stop()
    const id = this.id
    this.dispatch({
      type: 'dropped',
      error,
      attempt: decision.attempt,
      nextRetryAt: Date.now() + decision.delayMs,
    })
    this.timer = setTimeout(() => this.attempt(id), decision.delayMs)
  }

  private afterState(id: number, error: ConsoleError, vmState: VmState): void {
    if (!this.isCurrent(id)) return
    const hold = vmState !== 'running' && vmState !== 'unknown'
    this.dispatch({ type: 'vmState', vmState, hold })
    if (!hold) this.retryOrFail(error, true)
  }

  private fail(error: ConsoleError): void {
    this.stop()
    this.dispatch({ type: 'failed', error })
    this.host.props().onError?.(error)
  }
}
