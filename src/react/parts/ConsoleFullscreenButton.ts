import { lazyPart } from '../lazyPart.js'
import type { ConsoleFullscreenButtonProps } from '../toolbar/ConsoleFullscreenButton.js'

/**
 * Shows the whole console (toolbar included) fullscreen, pressed while it is. Esc: where the
 * browser has the Keyboard Lock API (Chromium), Esc goes to the VM and HOLDING Esc leaves
 * fullscreen; elsewhere Esc leaves fullscreen (send it from "Send keys"). Hidden where the
 * Fullscreen API is missing (iPhone Safari, some iframes).
 */
export const ConsoleFullscreenButton =
  lazyPart<ConsoleFullscreenButtonProps>('ConsoleFullscreenButton')
