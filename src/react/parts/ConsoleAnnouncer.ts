import { lazyPart } from '../lazyPart.js'
import type { ConsoleAnnouncerProps } from '../overlay/ConsoleAnnouncer.js'

/**
 * Screen-reader announcements of the console's state: a polite live region for every change
 * ("Connecting…", "Connected to web-01", "Connection lost. Reconnecting…"), errors as alerts.
 * Rendered by `<ConsoleViewer>` whenever its toolbar or overlay is on.
 */
export const ConsoleAnnouncer = lazyPart<ConsoleAnnouncerProps>('ConsoleAnnouncer')
