import type { ComponentType, Ref } from 'react'
import type { VncScreenHandle } from 'react-vnc'
import { createLazyModule } from './createLazyModule.js'

// react-vnc's props as this package uses them; its own types stay internal.
export type VncScreenComponent = ComponentType<
  Record<string, unknown> & { ref?: Ref<VncScreenHandle> }
>

/** react-vnc (and the noVNC it bundles), loaded when the first console connects. */
export const vncScreenLoader = createLazyModule(() =>
  import('react-vnc').then((module) => module.VncScreen as unknown as VncScreenComponent),
)
