import { lazyPart } from '../lazyPart.js'
import type { ConsoleOverlayProps } from '../overlay/ConsoleOverlay.js'

/**
 * Covers the screen whenever the console is not connected: a spinner while fetching credentials
 * and connecting, the credentials form when the VNC server asks, the reconnect countdown with
 * Cancel, and for errors an operator's message (role=alert) with Retry where retrying can help
 * and, for ECS, "Open console in a new window". Renders nothing while connected.
 */
export const ConsoleOverlay = lazyPart<ConsoleOverlayProps>('ConsoleOverlay')
