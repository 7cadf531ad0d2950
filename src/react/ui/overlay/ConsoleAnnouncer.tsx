import { statusText } from '../../../i18n/statusText.js'
import { useConsoleControls } from '../../context/useConsoleControls.js'
import { useConsoleViewer } from '../../context/useConsoleViewer.js'
import { visuallyHidden } from '../primitives/visuallyHidden.js'

export interface ConsoleAnnouncerProps {
  /** Also speak errors (role=alert); leave off when an overlay already shows them as an alert. */
  announceErrors?: boolean
}

/**
 * Screen-reader announcements of the console's state: a polite live region for every change
 * ("Connecting…", "Connected to web-01", "Connection lost. Reconnecting…"), errors as alerts.
 * Rendered by `<ConsoleViewer>` whenever its toolbar or overlay is on.
 */
export function ConsoleAnnouncer({ announceErrors = true }: ConsoleAnnouncerProps) {
  const { status } = useConsoleViewer()
  const { labels } = useConsoleControls()
  const isError = status.state === 'error'
  return (
    <>
      <div role="status" aria-live="polite" data-rvc-announcer="" style={visuallyHidden}>
        {isError ? labels.stateError : statusText(status, labels)}
      </div>
      {announceErrors ? (
        <div role="alert" data-rvc-announcer="" style={visuallyHidden}>
          {isError ? statusText(status, labels) : ''}
        </div>
      ) : null}
    </>
  )
}
