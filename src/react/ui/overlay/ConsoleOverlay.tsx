import type { ComponentPropsWithRef } from 'react'
import { CancelReconnectButton } from './CancelReconnectButton.js'
import { consoleErrorMessage } from '../../../i18n/consoleErrorMessage.js'
import { errorKinds } from '../../../core/errors/errorKinds.js'
import { statusText } from '../../../i18n/statusText.js'
import { vmStateText } from '../../../i18n/vmStateText.js'
import { useConsoleControls } from '../../context/useConsoleControls.js'
import { useConsoleViewer } from '../../context/useConsoleViewer.js'
import { useReconnectCountdown } from './useReconnectCountdown.js'
import { ConsoleCredentialsForm } from './ConsoleCredentialsForm.js'
import { useFocusWhenLost } from '../primitives/useFocusWhenLost.js'

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
  const seconds = useReconnectCountdown(status)
  if (status.state === 'connected') return null
  // Held for the VM (off, or a power action running): its state, not a connection problem.
  const vm = status.state === 'disconnected' && seconds === undefined ? status.vmState : undefined
  const kind =
    vm && vm !== 'running' && vm !== 'unknown'
      ? 'vm'
      : status.credentialsRequired
        ? 'credentials'
        : status.state === 'fetching' || status.state === 'connecting'
          ? 'busy'
          : seconds !== undefined
            ? 'reconnecting'
            : status.state
  return (
    <div data-rvc-overlay="" data-state={status.state} data-kind={kind} {...props}>
      <div data-rvc-overlay-card="">
        {kind === 'vm' ? (
          <VmStateCard />
        ) : kind === 'credentials' ? (
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

/** The card's primary action: a new connection with fresh credentials. */
function ConnectButton(props: ComponentPropsWithRef<'button'>) {
  const { handle } = useConsoleViewer()
  return (
    <button
      type="button"
      data-rvc-button=""
      data-variant="primary"
      onClick={() => handle.connect()}
      {...props}
    />
  )
}

/** The VM is off (with Start VM when allowed) or on its way somewhere (a spinner). */
function VmStateCard() {
  const { status, handle } = useConsoleViewer()
  const { labels, vmPower } = useConsoleControls()
  const first = useFocusWhenLost<HTMLButtonElement>()
  const vm = status.vmState
  const title = vmStateText(vm, labels)
  if (!title) return null
  const busy = vm === 'starting' || vm === 'stopping' || vm === 'restarting'
  const canStart = vm === 'stopped' && vmPower?.actions.includes('start')
  return (
    <>
      {busy ? <span data-rvc-spinner="" aria-hidden="true" /> : null}
      <p data-rvc-overlay-title="" role="status">
        {title}
      </p>
      {canStart ? (
        <div data-rvc-actions="">
          <button
            ref={first}
            type="button"
            data-rvc-button=""
            data-variant="primary"
            data-action="start"
            onClick={() => handle.powerVm('start')}
          >
            {labels.startVm}
          </button>
        </div>
      ) : null}
    </>
  )
}

function Reconnecting({ text }: { text: string }) {
  const { labels } = useConsoleControls()
  const first = useFocusWhenLost<HTMLButtonElement>()
  return (
    <>
      <span data-rvc-spinner="" aria-hidden="true" />
      <p data-rvc-overlay-title="">{text}</p>
      <div data-rvc-actions="">
        <ConnectButton ref={first}>{labels.reconnectNow}</ConnectButton>
        <CancelReconnectButton />
      </div>
    </>
  )
}

function Disconnected() {
  const { labels, poppedOut } = useConsoleControls()
  const first = useFocusWhenLost<HTMLButtonElement>()
  return (
    <>
      <p data-rvc-overlay-title="">
        {poppedOut ? labels.openedInNewWindow : labels.stateDisconnected}
      </p>
      <div data-rvc-actions="">
        <ConnectButton ref={first}>{poppedOut ? labels.reconnect : labels.connect}</ConnectButton>
      </div>
    </>
  )
}

function ErrorMessage() {
  const { status } = useConsoleViewer()
  const { labels, openConsolePage } = useConsoleControls()
  const first = useFocusWhenLost<HTMLButtonElement>()
  const error = status.error
  const canRetry = !error || errorKinds.retryHelps(error)
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
        {canRetry ? <ConnectButton ref={first}>{labels.retry}</ConnectButton> : null}
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
