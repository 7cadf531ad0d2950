import type { ConsoleStatus } from '../core/connection/types.js'
import { consoleErrorMessage } from './consoleErrorMessage.js'
import type { ConsoleLabels } from './ConsoleLabels.js'
import { formatLabel } from './formatLabel.js'
import { vmStateText } from './vmStateText.js'

/**
 * One line that says where the console is, in the labels' language. `seconds` is the reconnect
 * countdown; without it a pending reconnect reads "Connection lost. Reconnecting…".
 */
export function statusText(status: ConsoleStatus, labels: ConsoleLabels, seconds?: number): string {
  switch (status.state) {
    case 'idle':
      return labels.stateIdle
    case 'fetching':
      return labels.stateFetching
    case 'connecting':
      return labels.stateConnecting
    case 'connected':
      return status.desktopName
        ? formatLabel(labels.stateConnectedTo, { name: status.desktopName })
        : labels.stateConnected
    case 'disconnected': {
      // Held for the VM (off, or a power action running): say so, not "Disconnected".
      if (status.nextRetryAt === undefined)
        return vmStateText(status.vmState, labels) ?? labels.stateDisconnected
      // A console that never got going did not lose a connection: say what did happen.
      const code = status.error?.code
      const [later, now] =
        code === 'proxy_unreachable'
          ? [labels.stateUnreachableRetrying, labels.stateUnreachableRetryingNow]
          : code === 'proxy_closed_early' || code === 'connect_failed'
            ? [labels.stateConnectFailedRetrying, labels.stateConnectFailedRetryingNow]
            : code === 'service_unavailable'
              ? [labels.stateUnavailableRetrying, labels.stateUnavailableRetryingNow]
              : [labels.stateReconnecting, labels.stateReconnectingNow]
      return seconds === undefined || seconds <= 0 ? now : formatLabel(later, { seconds })
    }
    case 'error':
      return status.error ? consoleErrorMessage(status.error, labels) : labels.stateError
  }
}
