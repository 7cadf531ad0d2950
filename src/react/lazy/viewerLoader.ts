import { createLazyModule } from '../loaders/createLazyModule.js'
import { vncScreenLoader } from '../loaders/vncScreenLoader.js'

/**
 * The console's code, loaded on first mount: the viewer with its toolbar and overlay (one chunk).
 * It starts react-vnc with its noVNC (another chunk) at the same time but resolves with the viewer
 * alone, so credentials are fetched while noVNC still loads. Server rendering loads neither.
 */
export const viewerLoader = createLazyModule(() => {
  // A failure here shows again, with its reason, when the viewer connects.
  vncScreenLoader.load().catch(() => {})
  return import('./viewerParts.js').then((module) => module.viewerParts)
})
