import { lazyPart } from '../lazyPart.js'
import type { ConsoleDisconnectButtonProps } from '../toolbar/ConsoleDisconnectButton.js'

/** Closes the connection (and any pending reconnect); nothing reconnects until Connect. */
export const ConsoleDisconnectButton =
  lazyPart<ConsoleDisconnectButtonProps>('ConsoleDisconnectButton')
