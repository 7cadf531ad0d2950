/** How fast a server takes key events, as `TypingPace` needs it. */
export interface TypingPaceOptions {
  /** What one key event costs the server, in ms (QEMU plays them out 10 ms apart: key-delay-ms). */
  eventCostMs: number
  /** How far typing may run ahead of the server, in ms of its work: a short text goes out at once. */
  burstMs: number
  /** The longest pause between two characters. */
  maxDelayMs: number
}

/**
 * An adaptive pace for typed text. It keeps the server's debt (the time it still needs for the key
 * events sent, at `eventCostMs` each) below `burstMs`, so typing starts fast and then follows the
 * server; while the socket still holds unsent bytes (a slow link or a server that stopped
 * reading), the pause doubles up to `maxDelayMs`, and shrinks again once the socket is empty.
 */
export class TypingPace {
  private debtMs = 0
  private at: number | undefined
  private backoffMs = 0
  private readonly options: TypingPaceOptions

  constructor(options: TypingPaceOptions) {
    this.options = options
  }

  /** `events` key events went out at `now`. */
  sent(events: number, now: number): void {
    this.settle(now)
    this.debtMs += events * this.options.eventCostMs
  }

  /** How long to wait at `now` before the next character, with `backlog` bytes unsent on the socket. */
  delay(now: number, backlog: number): number {
    this.settle(now)
    const { burstMs, maxDelayMs } = this.options
    this.backoffMs = backlog > 0 ? Math.min(maxDelayMs, Math.max(4, this.backoffMs * 2)) : 0
    return Math.min(maxDelayMs, Math.max(this.debtMs - burstMs, this.backoffMs, 0))
  }

  private settle(now: number): void {
    if (this.at !== undefined) this.debtMs = Math.max(0, this.debtMs - (now - this.at))
    this.at = now
  }
}
