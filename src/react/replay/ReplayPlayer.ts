import type { ReplayPlan } from './planReplay.js'
import { ReplaySocket } from './ReplaySocket.js'

export interface ReplayPlayerOptions {
  speed?: number
  /** Start playing as soon as noVNC attaches (default true). */
  autoPlay?: boolean
  /** Something the controls show changed: state, speed, or a jump in position. */
  onChange: () => void
  /** A seek backwards needs a fresh noVNC client: remount the screen on the same socket. */
  onRestart: () => void
  /** A message noVNC could not take (its own error): the replay stops. */
  onError: (error: unknown) => void
  /** Bytes noVNC has received but not yet drawn; feeding waits while it is large. */
  backlog?: () => number
}

/** Bytes noVNC may hold undrawn before the replay waits (noVNC's own queue stops at 40 MiB). */
const MAX_BACKLOG = 8 * 1024 * 1024
/** A seek feeds at most this much before it lets the page (and noVNC's decoders) breathe. */
const SLICE_BYTES = 2 * 1024 * 1024

/**
 * Plays a ReplayPlan into noVNC through a ReplaySocket: each server message at its recorded time
 * divided by the speed. Position is virtual time (ms into the session). A seek forwards feeds the
 * messages up to the target at once; a seek backwards starts a fresh client and feeds it from the
 * start up to the target, without delays (a recording has no keyframes to start from).
 */
export class ReplayPlayer {
  readonly socket: ReplaySocket
  readonly durationMs: number
  #plan: ReplayPlan
  #options: ReplayPlayerOptions
  #speed: number
  #playing: boolean
  #ended = false
  /** Position at `#since` (performance.now()); moves on from there while playing. */
  #base = 0
  #since = 0
  /** Next frame to hand to the attached client. */
  #cursor = 0
  #generation = 0
  /** A client is attached and has its handshake: the clock runs only then. */
  #ready = false
  #timer: ReturnType<typeof setTimeout> | undefined
  #disposed = false
  #failed = false

  constructor(plan: ReplayPlan, options: ReplayPlayerOptions) {
    this.#plan = plan
    this.#options = options
    this.#speed = options.speed ?? 1
    this.#playing = options.autoPlay ?? true
    this.durationMs = plan.durationMs
    this.socket = new ReplaySocket(() => this.#attached())
  }

  get state(): 'playing' | 'paused' | 'ended' {
    return this.#ended ? 'ended' : this.#playing ? 'playing' : 'paused'
  }

  get speed(): number {
    return this.#speed
  }

  /** Ms into the session. */
  position(): number {
    if (!this.#playing || this.#ended || !this.#ready) return this.#base
    const moved = ((performance.now() - this.#since) * this.#speed) | 0
    return Math.min(this.durationMs, this.#base + moved)
  }

  play(): void {
    if (this.#failed) return
    if (this.#ended) {
      this.#playing = true
      this.seek(0)
      return
    }
    if (this.#playing) return
    this.#rebase(this.#base)
    this.#playing = true
    this.#options.onChange()
    this.#tick()
  }

  pause(): void {
    if (!this.#playing || this.#ended) return
    this.#rebase(this.position())
    this.#playing = false
    clearTimeout(this.#timer)
    this.#options.onChange()
  }

  setSpeed(speed: number): void {
    this.#rebase(this.position())
    this.#speed = speed
    this.#options.onChange()
    this.#tick()
  }

  seek(ms: number): void {
    if (this.#failed) return
    const target = Math.max(0, Math.min(this.durationMs, ms))
    const back = target < this.position() || this.#ended
    this.#ended = false
    this.#rebase(target)
    clearTimeout(this.#timer)
    this.#options.onChange()
    if (back) {
      // What noVNC drew cannot be undrawn: a fresh client, fed from the start.
      this.#generation++
      this.#ready = false
      this.#options.onRestart()
    } else {
      this.#tick()
    }
  }

  dispose(): void {
    this.#disposed = true
    clearTimeout(this.#timer)
  }

  #rebase(position: number) {
    this.#base = position
    this.#since = performance.now()
  }

  /** A noVNC client attached: its handshake, then everything up to now, then in time. */
  #attached() {
    const generation = ++this.#generation
    this.#rebase(this.position())
    this.#ready = false
    this.#cursor = 0
    clearTimeout(this.#timer)
    // After the RFB constructor has run to its end (it attaches first, then takes the socket open).
    queueMicrotask(() => {
      if (generation !== this.#generation || this.#disposed) return
      if (!this.#deliver(this.#plan.greeting)) return
      this.#rebase(this.#base)
      this.#ready = true
      this.#tick()
    })
  }

  #deliver(data: Uint8Array): boolean {
    try {
      this.socket.deliver(data)
      return true
    } catch (error) {
      this.#failed = true
      this.#playing = false
      clearTimeout(this.#timer)
      this.#options.onError(error)
      return false
    }
  }

  /** Hands over every frame due, then sleeps until the next one (or the end). */
  #tick() {
    clearTimeout(this.#timer)
    if (this.#disposed || this.#failed || !this.#ready || !this.socket.attached) return
    const frames = this.#plan.frames
    const position = this.position()
    let fed = 0
    while (this.#cursor < frames.length && frames[this.#cursor]!.ms <= position) {
      if (fed >= SLICE_BYTES || (this.#options.backlog?.() ?? 0) > MAX_BACKLOG) {
        // Behind: let noVNC draw, then go on (a seek's many frames arrive over a few tasks).
        this.#timer = setTimeout(() => this.#tick(), fed >= SLICE_BYTES ? 0 : 10)
        return
      }
      const frame = frames[this.#cursor++]!
      if (!this.#deliver(frame.data)) return
      fed += frame.data.length
    }
    if (this.#cursor >= frames.length && position >= this.durationMs) {
      this.#ended = true
      this.#playing = false
      this.#base = this.durationMs
      this.#options.onChange()
      return
    }
    if (!this.#playing) return
    const next = Math.min(frames[this.#cursor]?.ms ?? this.durationMs, this.durationMs)
    this.#timer = setTimeout(() => this.#tick(), Math.max(0, (next - position) / this.#speed))
  }
}
