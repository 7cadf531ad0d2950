import { lazyPart } from '../lazyPart.js'
import type { ConsolePopOutButtonProps } from '../toolbar/ConsolePopOutButton.js'

/**
 * Opens the console in a new window (the viewer's `popOutUrl`, a page of the app that mounts the
 * same console and fetches its own fresh credentials) and closes it here. Rendered only when
 * the viewer has `popOutUrl` or `onPopOut`.
 */
export const ConsolePopOutButton = lazyPart<ConsolePopOutButtonProps>('ConsolePopOutButton')
