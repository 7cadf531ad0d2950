import { useContext } from 'react'
import { ConsoleError } from '../../core/errors/ConsoleError.js'
import { ConsoleViewerContext, type ConsoleViewerContextValue } from './ConsoleViewerContext.js'

/** The status and handle of the enclosing `<ConsoleViewer>`, for custom toolbars and overlays. */
export function useConsoleViewer(): ConsoleViewerContextValue {
  const value = useContext(ConsoleViewerContext)
  if (!value) {
    throw new ConsoleError({
      kind: 'invalid_input',
      provider: 'vnc',
      message: 'useConsoleViewer() must be called inside <ConsoleViewer>.',
    })
  }
  return value
}
