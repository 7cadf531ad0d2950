import { lazyPart } from '../lazyPart.js'
import type { ConsoleToolbarButtonProps } from '../toolbar/ConsoleToolbarButton.js'

/** A toolbar button styled like the built-in ones, for app-specific actions. */
export const ConsoleToolbarButton = lazyPart<ConsoleToolbarButtonProps>('ConsoleToolbarButton')
