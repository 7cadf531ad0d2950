import { performance } from 'node:perf_hooks'
import type { LinkProfile } from './LinkProfile.ts'

interface Pending {
  at: number
  deliver: () => void
}

/**
 * One direction of the link: a FIFO of chunks, each delivered at
 * `max(read time, when the link is free) + its serialization time + the one-way delay`.
 * Delivery times only grow, so one queue and one timer keep every connection's bytes in order
 * and share the bandwidth between connections, as one access link does.
 */
class LinkDirection {
  private readonly queue: Pending[] = []
  private head = 0
  /** When the last chunk finished leaving (serialization done). */
  private free = 0
  private timer: NodeJS.Timeout | undefined
  private readonly link: NetworkLink
  constructor(link: NetworkLink) {
    this.link = link
  }

  /** Delivers `bytes` (0 for an end or reset marker) after the link's delay, not before `notBefore`. */
  send(bytes: number, notBefore: number, deliver: () => void): void {
    const now = performance.now()
    const { oneWayMs, bytesPerMs } = this.link
    const serialize = Number.isFinite(bytesPerMs) ? bytes / bytesPerMs : 0
    this.free = Math.max(now, notBefore, this.free) + serialize
    const at = this.free + oneWayMs
    if (this.head === this.queue.length && at <= now) {
      deliver()
      return
    }
    this.queue.push({ at, deliver })
    this.arm()
  }

  private arm(): void {
    if (this.timer || this.head === this.queue.length) return
    const next = this.queue[this.head] as Pending
    const wait = Math.max(0, next.at - performance.now())
    this.timer = setTimeout(() => this.flush(), wait)
  }

  private flush(): void {
    this.timer = undefined
    // Timers fire on whole milliseconds: a chunk due within the next half is due now.
    const now = performance.now() + 0.5
    while (this.head < this.queue.length) {
      const next = this.queue[this.head] as Pending
      if (next.at > now) break
      this.head++
      next.deliver()
    }
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head)
      this.head = 0
    }
    this.arm()
  }

  clear(): void {
    clearTimeout(this.timer)
    this.timer = undefined
    this.queue.length = 0
    this.head = 0
  }
}

/**
 * A simulated access link: `up` carries what the browser sends, `down` what it receives. Every
 * delay proxy given the same link shares its bandwidth. `set` changes the profile for chunks
 * sent from then on.
 */
export class NetworkLink {
  oneWayMs = 0
  rttMs = 0
  bytesPerMs = Infinity
  readonly up = new LinkDirection(this)
  readonly down = new LinkDirection(this)

  constructor(profile: LinkProfile) {
    this.set(profile)
  }

  set(profile: LinkProfile): void {
    this.rttMs = profile.rttMs
    this.oneWayMs = profile.rttMs / 2
    this.bytesPerMs = (profile.mbitPerS * 1e6) / 8 / 1000
  }

  clear(): void {
    this.up.clear()
    this.down.clear()
  }
}
