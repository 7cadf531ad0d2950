import { lazyPart } from '../lazyPart.js'
import type { ConsoleReconnectButtonProps } from '../toolbar/ConsoleReconnectButton.js'

/** A new connection with fresh credentials, also after an error or a disconnect. */
export const ConsoleReconnectButton =
  lazyPart<ConsoleReconnectButtonProps>('ConsoleReconnectButton')
