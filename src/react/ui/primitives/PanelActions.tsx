import type { ReactNode } from 'react'
import { useConsoleControls } from '../../context/useConsoleControls.js'
import type { CloseFocus } from './Popover.js'

export interface PanelActionsProps {
  /** The popover's `close`. */
  close: (focus?: CloseFocus) => void
  /** Buttons before Close. */
  children?: ReactNode
}

/** A panel's last row of buttons, ending with Close, which hands the keyboard back to the console. */
export function PanelActions(props: PanelActionsProps) {
  const { close, children } = props
  const { labels } = useConsoleControls()
  return (
    <div data-rvc-actions="">
      {children}
      <button type="button" data-rvc-button="" onClick={() => close('console')}>
        {labels.close}
      </button>
    </div>
  )
}
