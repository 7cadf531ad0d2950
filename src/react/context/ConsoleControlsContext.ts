import { createContext } from 'react'
import type { ConsoleControls } from '../types.js'

export const ConsoleControlsContext = createContext<ConsoleControls | null>(null)
