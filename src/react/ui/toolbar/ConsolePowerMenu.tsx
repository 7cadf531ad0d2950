import { useState } from 'react'
import { useConsoleControls } from '../../context/useConsoleControls.js'
import { useConsoleViewer } from '../../context/useConsoleViewer.js'
import type { ConsoleToolbarButtonProps } from './ConsoleToolbarButton.js'
import { Panel } from '../primitives/Panel.js'
import { Popover } from '../primitives/Popover.js'

export interface ConsolePowerMenuProps extends Omit<ConsoleToolbarButtonProps, 'label'> {
  /** Ask before sending. Default true. */
  confirm?: boolean
}

type Action = 'shutdown' | 'reboot' | 'reset'
const ACTIONS = [
  ['shutdown', 'powerShutdown', 'powerConfirmShutdown'],
  ['reboot', 'powerReboot', 'powerConfirmReboot'],
  ['reset', 'powerReset', 'powerConfirmReset'],
] as const

/**
 * Shut down, reboot or reset the machine through the VNC server (XVP), after a confirmation.
 * Rendered only while connected to a server that reports the power capability.
 */
export function ConsolePowerMenu(props: ConsolePowerMenuProps) {
  const { confirm = true, ...rest } = props
  const { status, handle } = useConsoleViewer()
  const { labels, settings } = useConsoleControls()
  const [pending, setPending] = useState<Action | null>(null)
  if (status.state !== 'connected' || !status.capabilities.power) return null
  const choice = ACTIONS.find(([action]) => action === pending)
  return (
    <Popover
      kind="dialog"
      icon="power"
      label={labels.power}
      disabled={settings.viewOnly}
      data-rvc-power=""
      {...rest}
    >
      {(close) => {
        const send = (action: Action) => {
          handle.power(action)
          setPending(null)
          close('console')
        }
        return choice ? (
          <Panel name="power-confirm" heading={labels[choice[2]]}>
            <div data-rvc-actions="">
              <button
                type="button"
                data-rvc-button=""
                data-variant="danger"
                data-action={choice[0]}
                onClick={() => send(choice[0])}
              >
                {labels[choice[1]]}
              </button>
              <button
                type="button"
                data-rvc-button=""
                onClick={() => {
                  setPending(null)
                  close('trigger')
                }}
              >
                {labels.cancel}
              </button>
            </div>
          </Panel>
        ) : (
          <Panel name="power">
            {ACTIONS.map(([action, label]) => (
              <button
                key={action}
                type="button"
                data-rvc-button=""
                data-action={action}
                onClick={() => (confirm ? setPending(action) : send(action))}
              >
                {labels[label]}
              </button>
            ))}
          </Panel>
        )
      }}
    </Popover>
  )
}
