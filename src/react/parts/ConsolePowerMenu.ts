import { lazyPart } from '../lazyPart.js'
import type { ConsolePowerMenuProps } from '../toolbar/ConsolePowerMenu.js'

/**
 * Shut down, reboot or reset the machine through the VNC server (XVP), after a confirmation.
 * Rendered only while connected to a server that reports the power capability.
 */
export const ConsolePowerMenu = lazyPart<ConsolePowerMenuProps>('ConsolePowerMenu')
