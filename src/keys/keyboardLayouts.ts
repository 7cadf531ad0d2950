import type { KeyboardLayout } from './KeyboardLayout.js'
import { layoutLoaders } from './layouts/layoutLoaders.js'

/** Every layout id, in menu order (en-US first; the generator lists the rest in its order). */
export const keyboardLayouts: readonly KeyboardLayout[] = [
  'en-US',
  ...(Object.keys(layoutLoaders) as KeyboardLayout[]),
]
