import { composeHandlers } from '../primitives/composeHandlers.js'
import { useConsoleControls } from '../../context/useConsoleControls.js'
import { useConsoleViewer } from '../../context/useConsoleViewer.js'
import { ConsoleToolbarButton, type ConsoleToolbarButtonProps } from './ConsoleToolbarButton.js'

export type ConsoleKeyboardButtonProps = Omit<ConsoleToolbarButtonProps, 'label'>

/**
 * Captures the keyboard for the VM, or releases it (the same as Ctrl+Alt+Shift). Pressed
 * (`aria-pressed`) while captured. It keeps the focus where it is on mouse down, so a click can
 * release a captured keyboard.
 */
export function ConsoleKeyboardButton(props: ConsoleKeyboardButtonProps) {
  const { onClick, onMouseDown, ...rest } = props
  const { status } = useConsoleViewer()
  const { labels, keyboardCaptured, captureKeyboard, releaseKeyboard, settings } =
    useConsoleControls()
  return (
    <ConsoleToolbarButton
      icon="keyboard"
      label={keyboardCaptured ? labels.releaseKeyboard : labels.captureKeyboard}
      aria-pressed={keyboardCaptured}
      disabled={status.state !== 'connected' || settings.viewOnly}
      data-rvc-keyboard=""
      {...rest}
      onMouseDown={composeHandlers(onMouseDown, (event) => event.preventDefault())}
      onClick={composeHandlers(onClick, () =>
        keyboardCaptured ? releaseKeyboard() : captureKeyboard(),
      )}
    />
  )
}
