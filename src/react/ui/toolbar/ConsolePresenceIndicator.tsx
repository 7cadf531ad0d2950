import type { GatewayConsoleLabels } from '../../../i18n/GatewayConsoleLabels.js'
import { formatLabel } from '../../../i18n/formatLabel.js'
import type { ConsolePresenceViewer } from '../../types.js'
import { Popover } from '../primitives/Popover.js'

export interface ConsolePresenceIndicatorProps {
  /** The other users on this VM; the indicator is rendered only when there is one. */
  viewers: readonly ConsolePresenceViewer[]
  labels: GatewayConsoleLabels
  locale: string
}

// Names on the button; the list holds them all.
const SHOWN = 3

/**
 * "Also on this console: alice, bob": a toolbar button that opens the list of the other users on
 * this VM, with their mode and since when (a panel like the toolbar's other popovers: Escape or a
 * click outside closes it, the focus goes back to the button). `<GatewayConsole>` loads it lazily,
 * the first time someone else is there.
 */
export function ConsolePresenceIndicator(props: ConsolePresenceIndicatorProps) {
  const { viewers, labels, locale } = props
  const names = viewers.map((viewer) => viewer.user)
  const shown = names.slice(0, SHOWN).join(labels.nameSeparator)
  const summary =
    names.length > SHOWN
      ? formatLabel(labels.moreNames, { names: shown, count: names.length - SHOWN })
      : shown
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' })
  return (
    <Popover
      kind="dialog"
      icon="people"
      label={formatLabel(labels.alsoOnConsole, { names: summary })}
      title={formatLabel(labels.alsoOnConsole, { names: names.join(labels.nameSeparator) })}
      data-rvc-presence=""
      data-count={viewers.length}
    >
      {() => (
        // Focusable, so the panel takes the focus when it opens and Escape closes it from there.
        <ul data-rvc-presence-list="" tabIndex={0}>
          {viewers.map((viewer, index) => {
            const since = Date.parse(viewer.since)
            return (
              <li key={`${index}:${viewer.user}`} data-mode={viewer.mode}>
                {viewer.mode === 'observe'
                  ? formatLabel(labels.viewerObserving, { name: viewer.user })
                  : viewer.user}
                {Number.isNaN(since) ? null : (
                  <span data-rvc-presence-since="">
                    {formatLabel(labels.viewerSince, { time: time.format(since) })}
                  </span>
                )}
              </li>
            )
          })}
        </ul>
      )}
    </Popover>
  )
}
