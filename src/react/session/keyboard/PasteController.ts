import type { KeyboardLayout } from '../../../keys/KeyboardLayout.js'
import type { PasteRequest, TypeTextResult } from '../../types.js'
import type { TypingController } from './TypingController.js'

/** What pasting needs of its console. */
export interface PasteHost {
  typing: TypingController
  /** The guest's keyboard layout in effect. */
  layout(): KeyboardLayout
  /** The user asked for the text on the server's clipboard too (and the server has one). */
  alsoServerClipboard(): boolean
  setServerClipboard(text: string): void
  /** Asks the "Type text" panel to show a paste it could not finish alone. */
  request(request: Omit<PasteRequest, 'id'>): void
}

/**
 * Paste: the host clipboard (or an app's text) typed into the guest as key events on its own
 * layout, since QEMU guests have no clipboard without an agent. What cannot be typed, or a
 * clipboard the browser refuses to read, goes to the "Type text" panel with the reason.
 */
export class PasteController {
  private readonly host: PasteHost

  constructor(host: PasteHost) {
    this.host = host
  }

  /**
   * Reads the host clipboard and types it. Call it inside the user's gesture (a click or the
   * shortcut's keydown): `readText` is called before anything is awaited, as browsers require.
   */
  async fromClipboard(): Promise<TypeTextResult | undefined> {
    let text: string
    try {
      // No API (insecure context, old browser) throws here; a refusal rejects.
      text = await navigator.clipboard.readText()
    } catch {
      this.host.request({ text: '', reason: 'refused', untypeable: [], typeable: 0 })
      return undefined
    }
    if (!text) {
      this.host.request({ text: '', reason: 'empty', untypeable: [], typeable: 0 })
      return undefined
    }
    return this.pasteText(text)
  }

  /** Types `text` as a paste would: the guest layout, nothing dropped silently. */
  async pasteText(text: string): Promise<TypeTextResult> {
    const result = await this.host.typing.typeText(text, { layout: this.host.layout() })
    if (result.untypeable.length > 0 && result.done === 0) {
      this.host.request({
        text,
        reason: 'untypeable',
        untypeable: result.untypeable,
        typeable: result.total,
      })
    } else if (this.host.alsoServerClipboard()) {
      this.host.setServerClipboard(text)
    }
    return result
  }
}
