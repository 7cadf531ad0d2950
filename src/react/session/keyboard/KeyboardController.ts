import { namedKeys } from '../../../keys/namedKeys.js'
import { parseKeyCombo } from '../../../keys/parseKeyCombo.js'
import type { KeyStroke } from '../../../keys/KeyStroke.js'
import type { StickyModifier } from '../../types.js'
import { isComposedKey } from './isComposedKey.js'
import { isReleaseHotkey } from './isReleaseHotkey.js'
import { parseShortcut } from './parseShortcut.js'
import { matchesShortcut } from './matchesShortcut.js'

/** What the keyboard needs of its console. */
export interface KeyboardHost {
  /** Connected and not view-only. */
  canSend(): boolean
  sendKey(keysym: number, code: string, down: boolean): void
  /** The focusable screen element; noVNC's canvas inside it takes the keys. */
  element(): HTMLElement | null
  sticky(): readonly StickyModifier[]
  setSticky(sticky: readonly StickyModifier[]): void
  setCaptured(captured: boolean): void
  /** The `pasteShortcut` prop: undefined for the default, false when off. */
  pasteShortcut(): string | false | undefined
  /** Pastes the host clipboard; called inside the shortcut's keydown (a user gesture). */
  paste(): void
  /** A local input method's composed key was held back from the VM (called once per console). */
  composing(): void
}

const STICKY_ORDER: readonly StickyModifier[] = ['ctrl', 'alt', 'super']
const MODIFIER_KEYS = new Set(['Control', 'Alt', 'AltGraph', 'Shift', 'Meta', 'OS', 'Super'])

/**
 * The console's keyboard: who has it (the VM's canvas or the page), keys and combos sent by the
 * toolbar, and sticky modifiers that apply to the next key. Physical keys go through noVNC.
 */
export class KeyboardController {
  /** Physical keys down on the canvas (DOM codes), to release them when the keyboard is released. */
  private readonly held = new Set<string>()
  /** The physical key that the sticky modifiers were pressed for. */
  private stickyFor: string | undefined
  private readonly stickyKeys: KeyStroke[] = []
  private composedSeen = false
  private readonly host: KeyboardHost

  constructor(host: KeyboardHost) {
    this.host = host
  }

  /** Forgets keys of a session that ended. */
  reset(): void {
    this.held.clear()
    this.stickyFor = undefined
  }

  sendKey(keysym: number, code: string, down?: boolean): void {
    if (!this.host.canSend()) return
    if (down !== undefined) return this.host.sendKey(keysym, code, down)
    this.host.sendKey(keysym, code, true)
    this.host.sendKey(keysym, code, false)
  }

  /** Presses `combo` (with any sticky modifiers first), then releases in reverse. */
  sendKeys(combo: string): void {
    const parsed = parseKeyCombo(combo)
    if (!this.host.canSend()) return
    const sticky = this.takeSticky().filter((s) => !parsed.some((k) => k.keysym === s.keysym))
    const keys = [...sticky, ...parsed]
    for (const key of keys) this.host.sendKey(key.keysym, key.code, true)
    for (const key of keys.toReversed()) this.host.sendKey(key.keysym, key.code, false)
  }

  toggleSticky(modifier: StickyModifier): void {
    const sticky = this.host.sticky()
    this.host.setSticky(
      sticky.includes(modifier) ? sticky.filter((m) => m !== modifier) : [...sticky, modifier],
    )
  }

  focus(): void {
    this.canvas()?.focus({ preventScroll: true })
  }

  blur(): void {
    this.canvas()?.blur()
  }

  /** Gives the VM the keyboard (focus on noVNC's canvas), when it can take input. */
  capture(): void {
    if (this.host.canSend()) this.focus()
  }

  /**
   * Takes the keyboard back: keys still down on the canvas are released at the VM first (noVNC
   * only does that on window blur), then the focusable console element gets the focus.
   */
  release(): void {
    this.releaseHeld()
    this.host.element()?.focus({ preventScroll: true })
  }

  /**
   * Releases at the VM every key still down on the canvas, through noVNC (a keyup on its canvas),
   * so noVNC forgets them too and ignores their physical release later.
   */
  private releaseHeld(): void {
    const canvas = this.canvas()
    for (const code of [...this.held]) {
      canvas?.dispatchEvent(new KeyboardEvent('keyup', { code, bubbles: true, cancelable: true }))
    }
    this.held.clear()
  }

  /** After a toolbar action: the keyboard back to the VM if it takes input, else to the console. */
  returnFocus(): void {
    if (this.host.canSend() && this.canvas()) this.focus()
    else this.host.element()?.focus({ preventScroll: true })
  }

  /** Keyboard handling on the console element; returns the cleanup. */
  attach(element: HTMLElement): () => void {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.target instanceof HTMLCanvasElement)) {
        // Enter on the focused console element captures the keyboard.
        if (event.target === element && event.key === 'Enter' && this.host.canSend()) {
          event.preventDefault()
          this.capture()
        }
        return
      }
      if (isReleaseHotkey(event)) {
        event.preventDefault()
        event.stopPropagation()
        this.release()
        return
      }
      // Capture listeners on the console element run before noVNC's own on the canvas: what is
      // stopped here never reaches the VM.
      if (isComposedKey(event)) {
        // A local input method is composing: the VM would get stray keys, not the text.
        event.preventDefault()
        event.stopPropagation()
        if (!this.composedSeen) this.host.composing()
        this.composedSeen = true
        return
      }
      const setting = this.host.pasteShortcut() ?? 'Control+Shift+KeyV'
      const shortcut = setting === false ? undefined : parseShortcut(setting)
      if (shortcut && matchesShortcut(event, shortcut)) {
        event.preventDefault()
        event.stopPropagation()
        // noVNC already sent the shortcut's modifiers down (Ctrl, Shift): up they go before the
        // text is typed, so the guest sees neither the V nor a held Ctrl+Shift.
        this.releaseHeld()
        this.host.paste()
        return
      }
      this.held.add(event.code)
      if (!this.stickyFor && !MODIFIER_KEYS.has(event.key) && this.host.sticky().length) {
        // Runs before noVNC's own handler on the canvas, so the modifiers reach the VM first.
        this.stickyFor = event.code
        for (const key of this.takeSticky()) {
          this.host.sendKey(key.keysym, key.code, true)
          this.stickyKeys.push(key)
        }
      }
    }
    const onKeyUp = (event: KeyboardEvent) => {
      if (event.target instanceof HTMLCanvasElement && isComposedKey(event)) {
        event.preventDefault()
        event.stopPropagation()
        return
      }
      this.held.delete(event.code)
      if (event.code !== this.stickyFor) return
      this.stickyFor = undefined
      const keys = this.stickyKeys.splice(0)
      // After noVNC has sent this key's release (its handler runs after this capture listener).
      setTimeout(() => {
        for (const key of keys.toReversed()) this.host.sendKey(key.keysym, key.code, false)
      }, 0)
    }
    const onFocusChange = () => {
      const active = element.ownerDocument.activeElement
      this.host.setCaptured(active instanceof HTMLCanvasElement && element.contains(active))
    }
    element.addEventListener('keydown', onKeyDown, true)
    element.addEventListener('keyup', onKeyUp, true)
    element.addEventListener('focusin', onFocusChange)
    element.addEventListener('focusout', onFocusChange)
    return () => {
      element.removeEventListener('keydown', onKeyDown, true)
      element.removeEventListener('keyup', onKeyUp, true)
      element.removeEventListener('focusin', onFocusChange)
      element.removeEventListener('focusout', onFocusChange)
    }
  }

  /** The sticky modifiers' keys, in a fixed order, and clears them: they apply to one key. */
  private takeSticky(): KeyStroke[] {
    const sticky = this.host.sticky()
    const keys = STICKY_ORDER.filter((m) => sticky.includes(m)).map((m) => namedKeys.get(m)!)
    if (keys.length) this.host.setSticky([])
    return keys
  }

  private canvas(): HTMLCanvasElement | null {
    return this.host.element()?.querySelector('canvas') ?? null
  }
}
