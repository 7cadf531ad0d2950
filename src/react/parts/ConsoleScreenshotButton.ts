import { lazyPart } from '../lazyPart.js'
import type { ConsoleScreenshotButtonProps } from '../toolbar/ConsoleScreenshotButton.js'

/** Saves a PNG of what the console shows (the canvas noVNC draws), named after the desktop. */
export const ConsoleScreenshotButton =
  lazyPart<ConsoleScreenshotButtonProps>('ConsoleScreenshotButton')
