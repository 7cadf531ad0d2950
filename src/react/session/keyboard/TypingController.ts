import { planTyping } from '../../../keys/planTyping.js'
import type { TypeTextOptions } from '../../types.js'
import type { TypeTextResult } from '../../types.js'

/** What typing needs of its console. */
export interface TypingHost {
  canSend(): boolean
  sendKey(keysym: number, code: string, down: boolean): void
  /** Progress for the UI; null when not typing. */
  setTyping(typing: { done: number; total: number } | null): void
}

/**
 * Types text key by key (see `planTyping`), one character per `delayMs`. Stops early when
 * cancelled, disconnected, made view-only or replaced by another text. A character is never cut
 * in half: its modifiers are always released.
 */
export class TypingController {
  private run: { cancelled: boolean } | undefined
  private readonly host: TypingHost

  constructor(host: TypingHost) {
    this.host = host
  }

  async typeText(text: string, options: TypeTextOptions = {}): Promise<TypeTextResult> {
    // Layout tables (and their loaders) come with the first text typed, not with the viewer.
    const { loadKeyboardLayout } = await import('../../../keys/loadKeyboardLayout.js')
    const layout = await loadKeyboardLayout(options.layout ?? 'en-US')
    this.stop()
    const { characters: all } = planTyping(text, layout, { keysymFallback: true })
    const characters = all.filter((c) => c.keys.length > 0)
    const delayMs = Math.max(0, options.delayMs ?? 20)
    const run = { cancelled: false }
    this.run = run
    const total = characters.length
    let done = 0
    this.host.setTyping({ done, total })
    try {
      for (const character of characters) {
        if (run.cancelled || !this.host.canSend()) break
        for (const key of character.keys) this.host.sendKey(key.keysym, key.code, key.down)
        done++
        this.host.setTyping({ done, total })
        if (done < total) await new Promise((resolve) => setTimeout(resolve, delayMs))
      }
      return { done, total, cancelled: done < total }
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
