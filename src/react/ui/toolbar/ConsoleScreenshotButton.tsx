import { composeHandlers } from '../primitives/composeHandlers.js'
import { useConsoleControls } from '../../context/useConsoleControls.js'
import { useConsoleViewer } from '../../context/useConsoleViewer.js'
import { ConsoleToolbarButton, type ConsoleToolbarButtonProps } from './ConsoleToolbarButton.js'
import { downloadBlob } from './downloadBlob.js'
import { screenshotFileName } from './screenshotFileName.js'

export interface ConsoleScreenshotButtonProps extends Omit<ConsoleToolbarButtonProps, 'label'> {
  /** Receives the PNG instead of downloading it (to upload it to a ticket, say). */
  onCapture?: (png: Blob, fileName: string) => void
}

/** Saves a PNG of what the console shows (the canvas noVNC draws), named after the desktop. */
export function ConsoleScreenshotButton(props: ConsoleScreenshotButtonProps) {
  const { onCapture, onClick, ...rest } = props
  const { status, handle } = useConsoleViewer()
  const { labels, returnFocus } = useConsoleControls()
  return (
    <ConsoleToolbarButton
      icon="camera"
      label={labels.screenshot}
      disabled={status.state !== 'connected'}
      {...rest}
      onClick={composeHandlers(onClick, () => {
        const fileName = screenshotFileName(status.desktopName, new Date())
        handle.screenshot().then(
          (png) => (onCapture ? onCapture(png, fileName) : downloadBlob(png, fileName)),
          () => {}, // Disconnected meanwhile: nothing to save.
        )
        returnFocus()
      })}
    />
  )
}
