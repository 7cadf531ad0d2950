import { viewerLoader } from './viewerLoader.js'
import { vncScreenLoader } from '../loaders/vncScreenLoader.js'

/**
 * Fetches the console's lazy code (the viewer chunk and react-vnc with noVNC) ahead of the first
 * mount, e.g. when the pointer rests on an "Open console" button. Safe to call often; a failure
 * rejects here and is retried by the next call or mount.
 */
export async function preloadConsole(): Promise<void> {
  await Promise.all([viewerLoader.load(), vncScreenLoader.load()])
}
