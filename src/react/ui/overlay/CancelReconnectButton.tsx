import type { ComponentPropsWithRef } from 'react'
import { useConsoleControls } from '../../context/useConsoleControls.js'
import { useConsoleViewer } from '../../context/useConsoleViewer.js'

/** Cancels the pending automatic reconnect: a disconnect, after which nothing reconnects by itself. */
export function CancelReconnectButton(props: ComponentPropsWithRef<'button'>) {
  const { handle } = useConsoleViewer()
  const { labels } = useConsoleControls()
  return (
    <button type="button" data-rvc-button="" {...props} onClick={() => handle.disconnect()}>
      {labels.cancelReconnect}
    </button>
  )
}
