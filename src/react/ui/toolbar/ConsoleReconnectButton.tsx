import { composeHandlers } from '../primitives/composeHandlers.js'
import { useConsoleControls } from '../../context/useConsoleControls.js'
import { useConsoleViewer } from '../../context/useConsoleViewer.js'
import { ConsoleToolbarButton, type ConsoleToolbarButtonProps } from './ConsoleToolbarButton.js'

export type ConsoleReconnectButtonProps = Omit<ConsoleToolbarButtonProps, 'label'>

/** A new connection with fresh credentials, also after an error or a disconnect. */
export function ConsoleReconnectButton(props: ConsoleReconnectButtonProps) {
  const { onClick, ...rest } = props
  const { status, handle } = useConsoleViewer()
  const { labels } = useConsoleControls()
  return (
    <ConsoleToolbarButton
      icon="refresh"
      label={status.state === 'connected' ? labels.reconnect : labels.connect}
      disabled={status.state === 'fetching'}
      {...rest}
      onClick={composeHandlers(onClick, () => handle.connect())}
    />
  )
}
