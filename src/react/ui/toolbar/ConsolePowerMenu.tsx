import { useState } from 'react'
import type { ConsoleLabels } from '../../../i18n/ConsoleLabels.js'
import type { ConsoleStatus } from '../../../core/connection/types.js'
import { useConsoleControls } from '../../context/useConsoleControls.js'
import { useConsoleViewer } from '../../context/useConsoleViewer.js'
import type { ConsoleToolbarButtonProps } from './ConsoleToolbarButton.js'
import { Panel } from '../primitives/Panel.js'
import { Popover } from '../primitives/Popover.js'
import type { VmPowerAction } from '../../../core/power/VmPowerAction.js'

export interface ConsolePowerMenuProps extends Omit<ConsoleToolbarButtonProps, 'label'> {
  /** Ask before the actions that can lose data. Default true. */
  confirm?: boolean
}

type Label = keyof ConsoleLabels
/** One item: how it is sent, its name, and the question asked first (null: none). */
type Item = { send: () => void; key: string; label: Label; ask: Label | null }

const XVP = [
  ['shutdown', 'powerShutdown', 'powerConfirmShutdown'],
  ['reboot', 'powerReboot', 'powerConfirmReboot'],
  ['reset', 'powerReset', 'powerConfirmReset'],
] as const
// The cloud's own names: CloudTower's Shut down / Power off / Force restart, ECS's Stop / Force stop / Reboot.
const CLOUD: Record<VmPowerAction, [Label, Label, Label | null]> = {
  start: ['cloudStart', 'cloudStart', null],
  shutdown: ['cloudShutdown', 'ecsShutdown', 'confirmShutdown'],
  poweroff: ['cloudPoweroff', 'ecsPoweroff', 'confirmPoweroff'],
  restart: ['cloudRestart', 'ecsRestart', null],
  forceRestart: ['cloudForceRestart', 'ecsForceRestart', 'confirmForceRestart'],
}

/** Which cloud actions make sense now: Start for a VM that is off, the others for one that runs. */
function fits(action: VmPowerAction, status: ConsoleStatus): boolean {
  const vm = status.state === 'connected' ? 'running' : (status.vmState ?? 'unknown')
  if (vm === 'starting' || vm === 'stopping' || vm === 'restarting' || vm === 'deleted')
    return false
  if (vm === 'unknown') return true
  return (action === 'start') === (vm === 'stopped' || vm === 'suspended')
}

/**
 * The VM's power: the cloud's actions (named as the cloud names them) when the console has them,
 * and XVP's shutdown / reboot / reset while connected to a server that offers it. Actions that
 * can lose data ask first.
 */
export function ConsolePowerMenu(props: ConsolePowerMenuProps) {
  const { confirm = true, ...rest } = props
  const { status, handle } = useConsoleViewer()
  const { labels, settings, vmPower } = useConsoleControls()
  const [pending, setPending] = useState<string | null>(null)
  const cloud: Item[] = (vmPower?.actions ?? [])
    .filter((action) => fits(action, status))
    .map((action) => {
      const [tower, ecs, ask] = CLOUD[action]
      const label = vmPower?.provider === 'ecs' ? ecs : tower
      return { send: () => handle.powerVm(action), key: action, label, ask }
    })
  const xvp: Item[] =
    status.state === 'connected' && status.capabilities.xvp
      ? XVP.map(([action, label, ask]) => ({
          send: () => handle.power(action),
          key: `xvp-${action}`,
          label,
          ask,
        }))
      : []
  if (cloud.length + xvp.length === 0) return null
  const choice = [...cloud, ...xvp].find((item) => item.key === pending)
  const button = (item: Item, close: (to: 'console' | 'trigger') => void) => (
    <button
      key={item.key}
      type="button"
      data-rvc-button=""
      data-action={item.key}
      onClick={() => {
        if (confirm && item.ask) return setPending(item.key)
        item.send()
        close('console')
      }}
    >
      {labels[item.label]}
    </button>
  )
  return (
    <Popover
      kind="dialog"
      icon="power"
      label={labels.power}
      disabled={settings.viewOnly}
      data-rvc-power=""
      {...rest}
    >
      {(close) =>
        choice?.ask ? (
          <Panel name="power-confirm" heading={labels[choice.ask]}>
            <div data-rvc-actions="">
              <button
                type="button"
                data-rvc-button=""
                data-variant="danger"
                data-action={choice.key}
                onClick={() => {
                  choice.send()
                  setPending(null)
                  close('console')
                }}
              >
                {labels[choice.label]}
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
            {cloud.map((item) => button(item, close))}
            {xvp.length > 0 ? (
              <div role="group" aria-label={labels.xvpPower} data-rvc-power-xvp="">
                {xvp.map((item) => button(item, close))}
              </div>
            ) : null}
          </Panel>
        )
      }
    </Popover>
  )
}
