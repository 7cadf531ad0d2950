import type { ConsoleViewSettings } from './ConsoleViewSettings.js'
import type { ConsoleLabels } from './i18n/ConsoleLabels.js'
import type { KeyboardLayout } from '../core/KeyboardLayout.js'
import type { StickyModifier } from './StickyModifier.js'
import type { TypeTextOptions } from './TypeTextOptions.js'
import type { TypeTextResult } from './TypeTextResult.js'

/** What toolbar and overlay parts can do beyond the handle: the console's UI state and actions. */
export interface ConsoleControls {
  /** The resolved strings (locale + `labels`). */
  labels: ConsoleLabels
  /** Display settings in effect; `setSettings` changes them live. */
  settings: ConsoleViewSettings
  setSettings(patch: Partial<ConsoleViewSettings>): void
  /** Keys typed go to the VM. */
  keyboardCaptured: boolean
  captureKeyboard(): void
  /** Releases held keys at the VM and moves the focus to the console element (as Ctrl+Alt+Shift). */
  releaseKeyboard(): void
  /** Focus back to the console after a toolbar action (the VM's keyboard if it takes input). */
  returnFocus(): void
  /** Modifiers held for the next key sent from the toolbar or typed. */
  sticky: readonly StickyModifier[]
  toggleSticky(modifier: StickyModifier): void
  /** A combination such as `Ctrl+Alt+F2`, sticky modifiers included. */
  sendKeys(combo: string): void
  /** The last text the VM copied (ServerCutText). */
  clipboardText: string | undefined
  /** Types text key by key; see `TypeTextOptions`. */
  typeText(text: string, options?: TypeTextOptions): Promise<TypeTextResult>
  stopTyping(): void
  typing: { done: number; total: number } | null
  defaultKeyboardLayout: KeyboardLayout
  /** What the VNC server asks for while `status.credentialsRequired`. */
  credentialTypes: readonly string[]
  fullscreen: boolean
  /** Undefined where the Fullscreen API is missing. */
  toggleFullscreen: (() => void) | undefined
  /** Undefined unless `popOutUrl` or `onPopOut` is set. */
  popOut: (() => void) | undefined
  poppedOut: boolean
  /** Undefined unless the console has a provider page (ECS) or `openConsolePage` is set. */
  openConsolePage: (() => void) | undefined
  /** The id of the focusable console element (for aria-controls). */
  screenId: string
}
