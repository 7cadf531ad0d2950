import { composeHandlers } from '../primitives/composeHandlers.js'
import { useConsoleControls } from '../../context/useConsoleControls.js'
import { ConsoleToolbarButton, type ConsoleToolbarButtonProps } from './ConsoleToolbarButton.js'

export type ConsoleFullscreenButtonProps = Omit<ConsoleToolbarButtonProps, 'label'>

/**
 * Shows the whole console (toolbar included) fullscreen, pressed while it is. Esc: where the
 * browser has the Keyboard Lock API (Chromium), Esc goes to the VM and HOLDING Esc leaves
 * fullscreen; elsewhere Esc leaves fullscreen (send it from "Send keys"). Hidden where the
 * Fullscreen API is missing (iPhone Safari, some iframes).
 */
export function ConsoleFullscreenButton(props: ConsoleFullscreenButtonProps) {
  const { onClick, ...rest } = props
  const { labels, fullscreen, toggleFullscreen, returnFocus } = useConsoleControls()
  if (!toggleFullscreen) return null
  return (
    <ConsoleToolbarButton
      icon={fullscreen ? 'shrink' : 'expand'}
      label={fullscreen ? labels.exitFullscreen : labels.fullscreen}
      aria-pressed={fullscreen}
      {...rest}
      onClick={composeHandlers(onClick, () => {
        toggleFullscreen()
        returnFocus()
      })}
    />
  )
}
