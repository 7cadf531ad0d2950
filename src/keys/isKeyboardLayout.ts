import type { KeyboardLayout } from './KeyboardLayout.js'
import { keyboardLayouts } from './keyboardLayouts.js'

/** True for a layout id of `keyboardLayouts` (for values read from storage, props or a URL). */
export function isKeyboardLayout(value: unknown): value is KeyboardLayout {
  return keyboardLayouts.includes(value as KeyboardLayout)
}
