import { useConsoleControls } from '../../context/useConsoleControls.js'
import { Icon } from '../primitives/Icon.js'

/**
 * The hint shown once when a local input method's composed key reached the console: the VM gets
 * keys, not the composed text, so nothing was sent. Dismissable; it does not take the focus.
 */
export function ConsoleImeHint() {
  const { labels, dismissImeHint } = useConsoleControls()
  return (
    <div data-rvc-ime-hint="" role="status">
      <span>{labels.imeHint}</span>
      <button type="button" data-rvc-button="" aria-label={labels.close} onClick={dismissImeHint}>
        <Icon name="close" />
      </button>
    </div>
  )
}
