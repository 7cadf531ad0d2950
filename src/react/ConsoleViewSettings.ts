/** How the remote screen fits: scaled to the element, the VM resized to it, or 1:1 with scrolling. */
export type ConsoleScaling = 'fit' | 'remote' | 'none'

/** The display settings a toolbar changes on a running console (see `useConsoleControls`). */
export interface ConsoleViewSettings {
  scaling: ConsoleScaling
  viewOnly: boolean
  /** JPEG quality 0–9. */
  qualityLevel: number
  /** Compression 0–9. */
  compressionLevel: number
}
