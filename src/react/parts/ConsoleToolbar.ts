import { lazyPart } from '../lazyPart.js'
import type { ConsoleToolbarProps } from '../toolbar/ConsoleToolbar.js'

/**
 * The console's toolbar (role=toolbar, Left/Right/Home/End move between its controls). Without
 * children it holds every built-in part; with children, only those, so an app can rearrange the
 * parts or add its own `<ConsoleToolbarButton>`s.
 */
export const ConsoleToolbar = lazyPart<ConsoleToolbarProps>('ConsoleToolbar')
