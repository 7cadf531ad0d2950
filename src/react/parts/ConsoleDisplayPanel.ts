import { lazyPart } from '../lazyPart.js'
import type { ConsoleDisplayPanelProps } from '../toolbar/ConsoleDisplayPanel.js'

/**
 * Display settings that apply at once, without reconnecting: scaling (fit to window, resize the
 * VM's screen, or 1:1 with scrolling), view only, JPEG quality and compression.
 */
export const ConsoleDisplayPanel = lazyPart<ConsoleDisplayPanelProps>('ConsoleDisplayPanel')
