import { composeHandlers } from '../primitives/composeHandlers.js'
import { useConsoleControls } from '../../context/useConsoleControls.js'
import { useConsoleViewer } from '../../context/useConsoleViewer.js'
import { ConsoleToolbarButton, type ConsoleToolbarButtonProps } from './ConsoleToolbarButton.js'

export type ConsoleDisconnectButtonProps = Omit<ConsoleToolbarButtonProps, 'label'>

/** Closes the connection (and any pending reconnect); nothing reconnects until Connect. */
export function ConsoleDisconnectButton(props: ConsoleDisconnectButtonProps) {
  const { onClick, ...rest } = props
  const { status, handle } = useConsoleViewer()
  const { labels } = useConsoleControls()
  const active =
    status.state === 'fetching' ||
    status.state === 'connecting' ||
    status.state === 'connected' ||
    status.nextRetryAt !== undefined
  return (
    <ConsoleToolbarButton
      icon="close"
      label={labels.disconnect}
      disabled={!active}
      {...rest}
      onClick={composeHandlers(onClick, () => handle.disconnect())}
    />
  )
}
