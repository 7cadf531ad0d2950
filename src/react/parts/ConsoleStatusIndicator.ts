import { lazyPart } from '../lazyPart.js'
import type { ConsoleStatusIndicatorProps } from '../toolbar/ConsoleStatusIndicator.js'

/**
 * A dot and a line of text: connecting, connected (desktop name), reconnecting in N s with
 * Cancel, disconnected, or the error. Not a live region itself (the console's announcer is).
 */
export const ConsoleStatusIndicator =
  lazyPart<ConsoleStatusIndicatorProps>('ConsoleStatusIndicator')
