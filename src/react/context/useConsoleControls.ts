import { useContext } from 'react'
import { ConsoleError } from '../../core/errors/ConsoleError.js'
import type { ConsoleControls } from '../types.js'
import { ConsoleControlsContext } from './ConsoleControlsContext.js'

/** The UI state and actions of the enclosing `<ConsoleViewer>`, for custom toolbar parts. */
export function useConsoleControls(): ConsoleControls {
  const value = useContext(ConsoleControlsContext)
  if (!value) {
    throw new ConsoleError({
      kind: 'invalid_input',
      provider: 'vnc',
      message: 'useConsoleControls() must be called inside <ConsoleViewer>.',
    })
  }
  return value
}
