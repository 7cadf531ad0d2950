import { createContext } from 'react'
import type { ConsoleStatus } from '../core/connection/types.js'
import type { ConsoleViewerHandle } from './ConsoleViewerHandle.js'

/** What a `<ConsoleViewer>` tells the overlays and toolbars rendered inside it. */
export interface ConsoleViewerContextValue {
  status: ConsoleStatus
  handle: ConsoleViewerHandle
}

export const ConsoleViewerContext = createContext<ConsoleViewerContextValue | null>(null)
