import type { ComponentPropsWithRef } from 'react'
import { consoleErrorMessage } from '../i18n/consoleErrorMessage.js'
import { retryHelps } from '../retryHelps.js'
import { statusText } from '../statusText.js'
import { useConsoleControls } from '../useConsoleControls.js'
import { useConsoleViewer } from '../useConsoleViewer.js'
import { useCountdown } from '../useCountdown.js'
import { ConsoleCredentialsForm } from './ConsoleCredentialsForm.js'
import { useFocusWhenLost } from './useFocusWhenLost.js'

export type ConsoleOverlayProps = ComponentPropsWithRef<'div'>

/**
 * Covers the screen whenever the console is not connected: a spinner while fetching credentials
 * and connecting, the credentials form when the VNC server asks, the reconnect countdown with
 * Cancel, and for errors an operator's message (role=alert) with Retry where retrying can help
 * and, for ECS, "Open console in a new window". Renders nothing while connected.
 */
export function ConsoleOverlay(props: ConsoleOverlayProps) {
  const { status } = useConsoleViewer()
  const { labels } = useConsoleControls()
  const pending = status.state === 'disconnected' ? status.nextRetryAt : undefined
  const seconds = useCountdown(pending)
  if (status.state === 'connected') return null
  const kind = status.credentialsRequired
    ? 'credentials'
    : status.state === 'fetching' || status.state === 'connecting'
      ? 'busy'
      : pending !== undefined
        ? 'reconnecting'
        : status.state
  return (
    <div data-rvc-overlay="" data-state={status.state} data-kind={kind} {...props}>
      <div data-rvc-overlay-card="">
        {kind === 'credentials' ? (
          <ConsoleCredentialsForm />
        ) : kind === 'busy' ? (
          <>
            <span data-rvc-spinner="" aria-hidden="true" />
            <p data-rvc-overlay-title="">{statusText(status, labels)}</p>
          </>
        ) : kind === 'reconnecting' ? (
          <Reconnecting text={statusText(status, labels, seconds)} />
        ) : kind === 'error' ? (
          <ErrorMessage />
        ) : kind === 'disconnected' ? (
          <Disconnected />
        ) : (
          <p data-rvc-overlay-title="">{labels.stateIdle}</p>
        )}
      </div>
    </div>
  )
}

function Reconnecting({ text }: { text: string }) {
  const { handle } = useConsoleViewer()
  const { labels } = useConsoleControls()
  const first = useFocusWhenLost<HTMLButtonElement>()
  return (
    <>
      <span data-rvc-spinner="" aria-hidden="true" />
      <p data-rvc-overlay-title="">{text}</p>
      <div data-rvc-actions="">
        <button
          ref={first}
          type="button"
          data-rvc-button=""
          data-variant="primary"
          onClick={() => handle.connect()}
        >
          {labels.reconnectNow}
        </button>
        <button type="button" data-rvc-button="" onClick={() => handle.disconnect()}>
          {labels.cancelReconnect}
        </button>
      </div>
    </>
  )
}

function Disconnected() {
  const { handle } = useConsoleViewer()
  const { labels, poppedOut } = useConsoleControls()
  const first = useFocusWhenLost<HTMLButtonElement>()
  return (
    <>
      <p data-rvc-overlay-title="">
        {poppedOut ? labels.openedInNewWindow : labels.stateDisconnected}
      </p>
      <div data-rvc-actions="">
        <button
          ref={first}
          type="button"
          data-rvc-button=""
          data-variant="primary"
          onClick={() => handle.connect()}
        >
          {poppedOut ? labels.reconnect : labels.connect}
        </button>
      </div>
    </>
  )
}

function ErrorMessage() {
  const { status, handle } = useConsoleViewer()
  const { labels, openConsolePage } = useConsoleControls()
  const first = useFocusWhenLost<HTMLButtonElement>()
  const error = status.error
  const canRetry = !error || retryHelps(error)
  const detail = error
    ? [error.kind, error.code, error.status ? `HTTP ${error.status}` : undefined]
        .filter(Boolean)
        .join(' · ')
    : ''
  return (
    <>
      <div role="alert" data-rvc-overlay-title="">
        {error ? consoleErrorMessage(error, labels) : labels.stateError}
      </div>
      {error ? (
        <details data-rvc-details="">
          <summary>{labels.details}</summary>
          <p>
            <code>{detail}</code>
          </p>
          <p>{error.message}</p>
        </details>
      ) : null}
      <div data-rvc-actions="">
        {canRetry ? (
          <button
            ref={first}
            type="button"
            data-rvc-button=""
            data-variant="primary"
            onClick={() => handle.connect()}
          >
            {labels.retry}
          </button>
        ) : null}
        {openConsolePage ? (
          <button
            ref={canRetry ? undefined : first}
            type="button"
            data-rvc-button=""
            onClick={openConsolePage}
          >
            {labels.openConsolePage}
          </button>
        ) : null}
      </div>
    </>
  )
}
