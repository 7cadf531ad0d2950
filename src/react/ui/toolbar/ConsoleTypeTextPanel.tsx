import { useId, useState } from 'react'
import type { KeyboardLayout } from '../../../keys/KeyboardLayout.js'
import { keyboardLayouts } from '../../../keys/keyboardLayouts.js'
import type { UntypeableCharacter } from '../../../keys/UntypeableCharacter.js'
import { formatLabel } from '../../../i18n/formatLabel.js'
import { useConsoleControls } from '../../context/useConsoleControls.js'
import { useConsoleViewer } from '../../context/useConsoleViewer.js'
import type { TypeTextResult } from '../../types.js'
import type { ConsoleToolbarButtonProps } from './ConsoleToolbarButton.js'
import { keyboardLayoutName } from './keyboardLayoutName.js'
import { Panel } from '../primitives/Panel.js'
import { PanelActions } from '../primitives/PanelActions.js'
import { Popover } from '../primitives/Popover.js'

export interface ConsoleTypeTextPanelProps extends Omit<ConsoleToolbarButtonProps, 'label'> {
  /** Fixed delays offered between characters, in ms, after "Automatic". Default 5, 20, 50, 100, 250. */
  delays?: readonly number[]
  /** A fixed delay preselected instead of the automatic pace. */
  defaultDelayMs?: number
}

/** Characters the layout cannot type, waiting for the user: type the rest, or cancel. */
interface Pending {
  text: string
  untypeable: readonly UntypeableCharacter[]
  /** How many characters can be typed. */
  typeable: number
}

/**
 * "Paste as keystrokes": a panel whose text is typed into the VM key by key, for consoles with no
 * clipboard (BIOS, installers, login prompts, a Linux tty). The guest's layout decides which keys
 * (with Shift or AltGr) type each character; characters it has no key for are listed with their
 * position before anything is typed, and the user types the rest or cancels. The pace adapts to
 * the server unless a fixed delay is chosen; a long text can be stopped midway. A paste that
 * needs the user (a refused clipboard, untypeable characters) opens this panel.
 */
export function ConsoleTypeTextPanel(props: ConsoleTypeTextPanelProps) {
  const { delays = [5, 20, 50, 100, 250], defaultDelayMs, ...rest } = props
  const { status } = useConsoleViewer()
  const controls = useConsoleControls()
  const { labels, typing, settings, pasteRequest } = controls
  const layout = controls.guestKeyboardLayout
  const [open, setOpen] = useState(false)
  const [text, setText] = useState('')
  const [delay, setDelay] = useState<number | 'auto'>(defaultDelayMs ?? 'auto')
  const [message, setMessage] = useState('')
  const [pending, setPending] = useState<Pending | null>(null)
  const ids = useId()
  const connected = status.state === 'connected' && !settings.viewOnly

  // A paste that could not finish alone opens the panel with its text and the reason (state
  // adjusted while rendering, once per request).
  const [shown, setShown] = useState<number>()
  if (pasteRequest && pasteRequest.id !== shown) {
    setShown(pasteRequest.id)
    setOpen(true)
    setText(pasteRequest.text)
    if (pasteRequest.reason === 'untypeable') {
      const { text: pasted, untypeable, typeable } = pasteRequest
      showPending({ text: pasted, untypeable, typeable })
    } else {
      setPending(null)
      setMessage(pasteRequest.reason === 'empty' ? labels.pasteEmpty : labels.pasteRefused)
    }
  }

  function showPending(next: Pending) {
    setPending(next)
    setMessage(
      next.typeable > 0
        ? formatLabel(labels.untypeable, { count: next.untypeable.length })
        : labels.untypeableNone,
    )
  }

  const type = (skipUntypeable: boolean) => {
    setMessage('')
    setPending(null)
    const delayMs = delay === 'auto' ? undefined : delay
    if (controls.alsoServerClipboard && controls.hasServerClipboard()) {
      controls.setServerClipboard(text)
    }
    controls.typeText(text, { layout, delayMs, skipUntypeable }).then(
      (outcome: TypeTextResult) => {
        const { done, total, untypeable } = outcome
        if (untypeable.length > 0 && done === 0 && !skipUntypeable) {
          return showPending({ text, untypeable, typeable: total })
        }
        setMessage(
          formatLabel(outcome.cancelled ? labels.typeStopped : labels.typeDone, { done, total }),
        )
      },
      () => setMessage(labels.layoutLoadFailed),
    )
  }

  return (
    <Popover
      kind="dialog"
      icon="type"
      label={labels.typeText}
      title={labels.typeTextTitle}
      disabled={!connected && !typing && !open}
      data-typing={typing ? '' : undefined}
      open={open}
      onOpenChange={setOpen}
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
            onChange={(event) => {
              setText(event.target.value)
              setPending(null)
            }}
          />
          <div data-rvc-row="">
            <label data-rvc-field="">
              <span>{labels.keyboardLayout}</span>
              <select
                value={layout}
                onChange={(event) => {
                  controls.setGuestKeyboardLayout(event.target.value as KeyboardLayout)
                  setPending(null)
                  setMessage('')
                }}
              >
                {keyboardLayouts.map((id) => (
                  <option key={id} value={id}>
                    {keyboardLayoutName(id, controls.locale, labels)}
                  </option>
                ))}
              </select>
            </label>
            <label data-rvc-field="">
              <span>{labels.pace}</span>
              <select
                value={delay}
                onChange={(event) =>
                  setDelay(event.target.value === 'auto' ? 'auto' : Number(event.target.value))
                }
              >
                <option value="auto">{labels.paceAuto}</option>
                {delays.map((ms) => (
                  <option key={ms} value={ms}>
                    {formatLabel(labels.paceValue, { ms })}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {controls.hasServerClipboard() ? (
            <label data-rvc-check="">
              <input
                type="checkbox"
                checked={controls.alsoServerClipboard}
                onChange={(event) => controls.setAlsoServerClipboard(event.target.checked)}
              />
              <span>{labels.alsoServerClipboard}</span>
            </label>
          ) : null}
          {typing ? (
            <progress
              data-rvc-progress=""
              max={typing.total}
              value={typing.done}
              aria-label={formatLabel(labels.typeProgress, typing)}
            />
          ) : null}
          <p role="status" data-rvc-panel-status="">
            {typing ? formatLabel(labels.typeProgress, typing) : message}
          </p>
          {pending ? (
            <ul data-rvc-untypeable="" aria-label={message}>
              {pending.untypeable.map((u) => (
                <li key={u.index}>
                  {formatLabel(labels.untypeableItem, { char: u.char, position: u.index + 1 })}
                </li>
              ))}
            </ul>
          ) : null}
          <PanelActions close={close}>
            {typing ? (
              <button type="button" data-rvc-button="" onClick={() => controls.stopTyping()}>
                {labels.typeStop}
              </button>
            ) : pending ? (
              <>
                {pending.typeable > 0 ? (
                  <button
                    type="button"
                    data-rvc-button=""
                    data-variant="primary"
                    disabled={!connected}
                    onClick={() => type(true)}
                  >
                    {labels.typeRest}
                  </button>
                ) : null}
                <button
                  type="button"
                  data-rvc-button=""
                  onClick={() => {
                    setPending(null)
                    setMessage(labels.typeCancelled)
                  }}
                >
                  {labels.cancel}
                </button>
              </>
            ) : (
              <button
                type="button"
                data-rvc-button=""
                data-variant="primary"
                disabled={!connected || text === ''}
                onClick={() => type(false)}
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
