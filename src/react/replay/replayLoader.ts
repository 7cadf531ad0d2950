import { createLazyModule } from '../loaders/createLazyModule.js'
import { vncScreenLoader } from '../loaders/vncScreenLoader.js'

/**
 * `<ConsoleReplay>`'s code, loaded on first mount (its own chunk, not the live viewer's), with
 * react-vnc and its noVNC starting at the same time. Server rendering loads neither.
 */
export const replayLoader = createLazyModule(() => {
  // A failure here shows again, with its reason, when the replay waits for the screen.
  vncScreenLoader.load().catch(() => {})
  return import('./LoadedConsoleReplay.js')
})
