import { createContext } from 'react'
import type { ConsoleControls } from './ConsoleControls.js'

export const ConsoleControlsContext = createContext<ConsoleControls | null>(null)
