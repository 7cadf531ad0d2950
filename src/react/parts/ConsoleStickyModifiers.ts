import { lazyPart } from '../lazyPart.js'
import type { ConsoleStickyModifiersProps } from '../toolbar/ConsoleStickyModifiers.js'

/**
 * Toggle buttons (`aria-pressed`) that hold Ctrl, Alt or Super for the next key, whether it comes
 * from the "Send keys" menu or the keyboard; they let go after that key. For keys the host OS
 * keeps to itself (Super, Alt+Tab) or a touch screen without modifiers.
 */
export const ConsoleStickyModifiers =
  lazyPart<ConsoleStickyModifiersProps>('ConsoleStickyModifiers')
