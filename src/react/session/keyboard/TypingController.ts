import type { TypeTextOptions, TypeTextResult } from '../../types.js'
import { TypingPace } from './TypingPace.js'

/** What typing needs of its console. */
export interface TypingHost {
  canSend(): boolean
  sendKey(keysym: number, code: string, down: boolean): void
  /** Progress for the UI; null when not typing. */
  setTyping(typing: { done: number; total: number } | null): void
  /** The server types by scancode only (QEMU): never send it a bare keysym. */
  scancodeOnly(): boolean
  /** Bytes still unsent on the socket. */
  backlog(): number
}

// QEMU plays key events out to the guest `key-delay-ms` apart (default 10 ms), queueing the rest:
// typing faster only fills its queue, and Stop would come late.
const QEMU_EVENT_MS = 10
// Keysym servers (Xvnc) take events as fast as they come (see README, "Paste": measured).
const KEYSYM_EVENT_MS = 1
const BURST_MS = 250
// Unsent bytes on the socket that mean the link (or the server) lags: a few dozen characters'
// worth. Just after a send the browser always holds some bytes for a moment; that is not lag.
const BACKLOG_BYTES = 4096
const MAX_DELAY_MS = 250
// With no pause due, still let the page breathe (progress, Stop) every few characters.
const YIELD_EVERY = 8

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Types text key by key on the guest's layout (see `planTyping`). Characters the layout cannot
 * type are never dropped silently: unless `skipUntypeable`, nothing is typed and the result lists
 * them. The bare-keysym fallback is used only when the server types keysyms (not QEMU). The pace adapts
 * (see `TypingPace`) unless `delayMs` fixes it. Stops early when cancelled, disconnected, made
 * view-only or replaced by another text; a character is never cut in half.
 */
export class TypingController {
  private run: { cancelled: boolean } | undefined
  private readonly host: TypingHost

  constructor(host: TypingHost) {
    this.host = host
  }

  async typeText(text: string, options: TypeTextOptions = {}): Promise<TypeTextResult> {
    this.stop()
    const run = { cancelled: false }
    this.run = run
    try {
      const { planText } = await import('./planText.js')
      const scancodeOnly = this.host.scancodeOnly()
      const plan = await planText(text, options.layout ?? 'en-US', !scancodeOnly)
      const characters = plan.characters.filter((c) => c.keys.length > 0)
      const { untypeable } = plan
      const total = characters.length
      if (run.cancelled || (untypeable.length > 0 && !options.skipUntypeable)) {
        return { done: 0, total, cancelled: true, untypeable }
      }
      const pace =
        options.delayMs === undefined
          ? new TypingPace({
              eventCostMs: scancodeOnly ? QEMU_EVENT_MS : KEYSYM_EVENT_MS,
              burstMs: BURST_MS,
              maxDelayMs: MAX_DELAY_MS,
            })
          : undefined
      let done = 0
      let sinceYield = 0
      this.host.setTyping({ done, total })
      for (const character of characters) {
        if (run.cancelled || !this.host.canSend()) break
        for (const key of character.keys) this.host.sendKey(key.keysym, key.code, key.down)
        done++
        this.host.setTyping({ done, total })
        if (done >= total) break
        const now = performance.now()
        pace?.sent(character.keys.length, now)
        const wait = pace
          ? pace.delay(now, Math.max(0, this.host.backlog() - BACKLOG_BYTES))
          : Math.max(0, options.delayMs ?? 0)
        if (wait > 0 || ++sinceYield >= YIELD_EVERY) {
          sinceYield = 0
          await sleep(wait)
        }
      }
      return { done, total, cancelled: done < total, untypeable }
    } finally {
      if (this.run === run) {
        this.run = undefined
        this.host.setTyping(null)
      }
    }
  }

  stop(): void {
    if (this.run) this.run.cancelled = true
  }
}
