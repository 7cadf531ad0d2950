import { useId } from 'react'
import type { ConsoleScaling } from '../../types.js'
import { useConsoleControls } from '../../context/useConsoleControls.js'
import type { ConsoleToolbarButtonProps } from './ConsoleToolbarButton.js'
import { Panel } from '../primitives/Panel.js'
import { PanelActions } from '../primitives/PanelActions.js'
import { Popover } from '../primitives/Popover.js'

export type ConsoleDisplayPanelProps = Omit<ConsoleToolbarButtonProps, 'label'>

const SCALING = [
  ['fit', 'scaleFit'],
  ['remote', 'scaleRemote'],
  ['none', 'scaleNone'],
] as const

/**
 * Display settings that apply at once, without reconnecting: scaling (fit to window, resize the
 * VM's screen, or 1:1 with scrolling), view only, JPEG quality and compression.
 */
export function ConsoleDisplayPanel(props: ConsoleDisplayPanelProps) {
  const { labels, settings, setSettings } = useConsoleControls()
  const ids = useId()
  return (
    <Popover
      kind="dialog"
      icon="display"
      label={labels.display}
      title={labels.displayTitle}
      {...props}
    >
      {(close) => (
        <Panel name="display">
          <fieldset data-rvc-fieldset="">
            <legend>{labels.scaling}</legend>
            {SCALING.map(([value, key]) => (
              <label key={value} data-rvc-choice="">
                <input
                  type="radio"
                  name={`${ids}-scaling`}
                  value={value}
                  checked={settings.scaling === value}
                  onChange={() => setSettings({ scaling: value as ConsoleScaling })}
                />
                <span>{labels[key]}</span>
              </label>
            ))}
          </fieldset>
          <label data-rvc-choice="">
            <input
              type="checkbox"
              checked={settings.viewOnly}
              onChange={(event) => setSettings({ viewOnly: event.target.checked })}
            />
            <span>{labels.viewOnly}</span>
          </label>
          {(['qualityLevel', 'compressionLevel'] as const).map((key) => (
            <label key={key} data-rvc-field="" data-rvc-range="">
              <span>{key === 'qualityLevel' ? labels.quality : labels.compression}</span>
              <input
                type="range"
                min={0}
                max={9}
                step={1}
                value={settings[key]}
                onChange={(event) => setSettings({ [key]: Number(event.target.value) })}
              />
              <output aria-hidden="true">{settings[key]}</output>
            </label>
          ))}
          <PanelActions close={close} />
        </Panel>
      )}
    </Popover>
  )
}
