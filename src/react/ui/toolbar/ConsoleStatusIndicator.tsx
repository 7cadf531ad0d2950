import type { ComponentPropsWithRef } from 'react'
import { CancelReconnectButton } from '../overlay/CancelReconnectButton.js'
import { statusText } from '../../../i18n/statusText.js'
import { useConsoleControls } from '../../context/useConsoleControls.js'
import { useConsoleViewer } from '../../context/useConsoleViewer.js'
import { useReconnectCountdown } from '../overlay/useReconnectCountdown.js'

export type ConsoleStatusIndicatorProps = ComponentPropsWithRef<'span'>

/**
 * A dot and a line of text: connecting, connected (desktop name), reconnecting in N s with
 * Cancel, disconnected, or the error. Not a live region itself (the console's announcer is).
 */
export function ConsoleStatusIndicator(props: ConsoleStatusIndicatorProps) {
  const { status } = useConsoleViewer()
  const { labels } = useConsoleControls()
  const seconds = useReconnectCountdown(status)
  return (
    <span data-rvc-status="" data-state={status.state} {...props}>
      <span data-rvc-status-dot="" aria-hidden="true" />
      <span data-rvc-status-text="">{statusText(status, labels, seconds)}</span>
      {seconds !== undefined ? <CancelReconnectButton data-size="small" /> : null}
    </span>
  )
}
