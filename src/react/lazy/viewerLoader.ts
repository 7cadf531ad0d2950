import type { viewerParts } from './viewerParts.js'
import { vncScreenLoader } from './vncScreenLoader.js'

type ViewerParts = typeof viewerParts

let loading: Promise<ViewerParts> | undefined
let loaded: ViewerParts | undefined
const listeners = new Set<() => void>()

/**
 * Loads the console's code on first mount: the viewer with its toolbar and overlay (one chunk),
 * and starts react-vnc with its noVNC (another) at the same time. It resolves with the viewer
 * alone, so credentials are fetched while noVNC still loads. Server rendering loads neither.
 */
export const viewerLoader = {
  load(): Promise<ViewerParts> {
    // A failure here shows again, with its reason, when the viewer connects.
    vncScreenLoader.load().catch(() => {})
    loading ??= import('./viewerParts.js').then(
      (module) => {
        loaded = module.viewerParts
        for (const listener of listeners) listener()
        return loaded
      },
      (error: unknown) => {
        loading = undefined
        throw error
      },
    )
    return loading
  },
  /** The parts once `load()` has resolved (a useSyncExternalStore snapshot). */
  get: (): ViewerParts | undefined => loaded,
  subscribe(listener: () => void): () => void {
    listeners.add(listener)
    return () => listeners.delete(listener)
  },
}
