import { useId, useState } from 'react'
import type { KeyboardLayout } from '../../../keys/KeyboardLayout.js'
import { formatLabel } from '../../../i18n/formatLabel.js'
import { useConsoleControls } from '../../context/useConsoleControls.js'
import { useConsoleViewer } from '../../context/useConsoleViewer.js'
import type { ConsoleToolbarButtonProps } from './ConsoleToolbarButton.js'
import { Panel } from '../primitives/Panel.js'
import { PanelActions } from '../primitives/PanelActions.js'
import { Popover } from '../primitives/Popover.js'

export interface ConsoleTypeTextPanelProps extends Omit<ConsoleToolbarButtonProps, 'label'> {
  /** Delays offered between characters, in ms. Default 5, 20, 50, 100, 250. */
  delays?: readonly number[]
  /** Default 20 ms. */
  defaultDelayMs?: number
}

const LAYOUTS = [
  ['en-US', 'layoutEnUS'],
  ['de-DE', 'layoutDeDE'],
  ['fr-FR', 'layoutFrFR'],
] as const

/**
 * "Paste as keystrokes": a panel whose text is typed into the VM key by key, for consoles with no
 * clipboard (BIOS, installers, login prompts, a Linux tty). The layout decides which keys (with
 * Shift or AltGr) type each character; the pace keeps slow guests from dropping keys; a long text
 * can be stopped midway.
 */
export function ConsoleTypeTextPanel(props: ConsoleTypeTextPanelProps) {
  const { delays = [5, 20, 50, 100, 250], defaultDelayMs = 20, ...rest } = props
  const { status } = useConsoleViewer()
  const controls = useConsoleControls()
  const { labels, typing, settings } = controls
  const [text, setText] = useState('')
  const [layout, setLayout] = useState<KeyboardLayout>(controls.defaultKeyboardLayout)
  const [delayMs, setDelayMs] = useState(defaultDelayMs)
  const [result, setResult] = useState('')
  const ids = useId()
  const connected = status.state === 'connected' && !settings.viewOnly

  const start = () => {
    setResult('')
    void controls.typeText(text, { layout, delayMs }).then((outcome) => {
      const { done, total } = outcome
      setResult(
        formatLabel(outcome.cancelled ? labels.typeStopped : labels.typeDone, { done, total }),
      )
    })
  }

  return (
    <Popover
      kind="dialog"
      icon="type"
      label={labels.typeText}
      title={labels.typeTextTitle}
      disabled={!connected && !typing}
      data-typing={typing ? '' : undefined}
      {...rest}
    >
      {(close) => (
        <Panel name="type" heading={labels.typeTextTitle}>
          <label data-rvc-field="" htmlFor={`${ids}-text`}>
            {labels.typeTextLabel}
          </label>
          <textarea
            id={`${ids}-text`}
            rows={4}
            value={text}
            spellCheck={false}
            onChange={(event) => setText(event.target.value)}
          />
          <div data-rvc-row="">
            <label data-rvc-field="">
              <span>{labels.keyboardLayout}</span>
              <select
                value={layout}
                onChange={(event) => setLayout(event.target.value as KeyboardLayout)}
              >
                {LAYOUTS.map(([value, key]) => (
                  <option key={value} value={value}>
                    {labels[key]}
                  </option>
                ))}
              </select>
            </label>
            <label data-rvc-field="">
              <span>{labels.pace}</span>
              <select value={delayMs} onChange={(event) => setDelayMs(Number(event.target.value))}>
                {delays.map((ms) => (
                  <option key={ms} value={ms}>
                    {formatLabel(labels.paceValue, { ms })}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {typing ? (
            <progress
              data-rvc-progress=""
              max={typing.total}
              value={typing.done}
              aria-label={formatLabel(labels.typeProgress, typing)}
            />
          ) : null}
          <p role="status" data-rvc-panel-status="">
            {typing ? formatLabel(labels.typeProgress, typing) : result}
          </p>
          <PanelActions close={close}>
            {typing ? (
              <button type="button" data-rvc-button="" onClick={() => controls.stopTyping()}>
                {labels.typeStop}
              </button>
            ) : (
              <button
                type="button"
                data-rvc-button=""
                data-variant="primary"
                disabled={!connected || text === ''}
                onClick={start}
              >
                {labels.typeStart}
              </button>
            )}
          </PanelActions>
        </Panel>
      )}
    </Popover>
  )
}
