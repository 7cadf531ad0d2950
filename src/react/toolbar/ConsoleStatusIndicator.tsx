import type { ComponentPropsWithRef } from 'react'
import { statusText } from '../statusText.js'
import { useConsoleControls } from '../useConsoleControls.js'
import { useConsoleViewer } from '../useConsoleViewer.js'
import { useCountdown } from '../useCountdown.js'

export type ConsoleStatusIndicatorProps = ComponentPropsWithRef<'span'>

/**
 * A dot and a line of text: connecting, connected (desktop name), reconnecting in N s with
 * Cancel, disconnected, or the error. Not a live region itself (the console's announcer is).
 */
export function ConsoleStatusIndicator(props: ConsoleStatusIndicatorProps) {
  const { status, handle } = useConsoleViewer()
  const { labels } = useConsoleControls()
  const pending = status.state === 'disconnected' ? status.nextRetryAt : undefined
  const seconds = useCountdown(pending)
  return (
    <span data-rvc-status="" data-state={status.state} {...props}>
      <span data-rvc-status-dot="" aria-hidden="true" />
      <span data-rvc-status-text="">{statusText(status, labels, seconds)}</span>
      {pending !== undefined ? (
        <button
          type="button"
          data-rvc-button=""
          data-size="small"
          onClick={() => handle.disconnect()}
        >
          {labels.cancelReconnect}
        </button>
      ) : null}
    </span>
  )
}
