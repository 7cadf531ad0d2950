import { composeHandlers } from '../primitives/composeHandlers.js'
import { useConsoleControls } from '../../context/useConsoleControls.js'
import { ConsoleToolbarButton, type ConsoleToolbarButtonProps } from './ConsoleToolbarButton.js'

export type ConsolePopOutButtonProps = Omit<ConsoleToolbarButtonProps, 'label'>

/**
 * Opens the console in a new window (the viewer's `popOutUrl`, a page of the app that mounts the
 * same console and fetches its own fresh credentials) and closes it here. Rendered only when
 * the viewer has `popOutUrl` or `onPopOut`.
 */
export function ConsolePopOutButton(props: ConsolePopOutButtonProps) {
  const { onClick, ...rest } = props
  const { labels, popOut } = useConsoleControls()
  if (!popOut) return null
  return (
    <ConsoleToolbarButton
      icon="external"
      label={labels.popOut}
      {...rest}
      onClick={composeHandlers(onClick, () => popOut())}
    />
  )
}
