import { composeHandlers } from '../primitives/composeHandlers.js'
import { formatLabel } from '../../../i18n/formatLabel.js'
import { useConsoleControls } from '../../context/useConsoleControls.js'
import { useConsoleViewer } from '../../context/useConsoleViewer.js'
import { ConsoleToolbarButton, type ConsoleToolbarButtonProps } from './ConsoleToolbarButton.js'

export type ConsolePasteButtonProps = Omit<ConsoleToolbarButtonProps, 'label'>

/**
 * "Paste from clipboard": reads this computer's clipboard (in the click, as browsers require) and
 * types it into the VM on the guest's keyboard layout. While it types, the button stops it and
 * shows how far it got. A refused clipboard or untypeable characters open "Type text".
 */
export function ConsolePasteButton(props: ConsolePasteButtonProps) {
  const { onClick, ...rest } = props
  const { status } = useConsoleViewer()
  const controls = useConsoleControls()
  const { labels, typing, settings } = controls
  const connected = status.state === 'connected' && !settings.viewOnly
  if (typing) {
    return (
      <ConsoleToolbarButton
        icon="close"
        label={labels.typeStop}
        data-typing=""
        title={formatLabel(labels.typeProgress, typing)}
        {...rest}
        onClick={composeHandlers(onClick, () => controls.stopTyping())}
      >
        <span data-rvc-progress-text="" aria-hidden="true">
          {typing.done}/{typing.total}
        </span>
      </ConsoleToolbarButton>
    )
  }
  return (
    <ConsoleToolbarButton
      icon="paste"
      label={labels.paste}
      aria-keyshortcuts={controls.pasteShortcut}
      disabled={!connected}
      {...rest}
      onClick={composeHandlers(onClick, () => {
        controls.pasteFromClipboard()
        controls.returnFocus()
      })}
    />
  )
}
