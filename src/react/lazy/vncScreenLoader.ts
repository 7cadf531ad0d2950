import type { ComponentType, Ref } from 'react'
import type { VncScreenHandle } from 'react-vnc'

// react-vnc's props as this package uses them; its own types stay internal.
export type VncScreenComponent = ComponentType<
  Record<string, unknown> & { ref?: Ref<VncScreenHandle> }
>

let loading: Promise<VncScreenComponent> | undefined
let loaded: VncScreenComponent | undefined

/**
 * Loads react-vnc (and the noVNC it bundles) on first use only: importing this package costs a
 * host app nothing until a console mounts, and server rendering never evaluates noVNC.
 */
export const vncScreenLoader = {
  load(): Promise<VncScreenComponent> {
    loading ??= import('react-vnc').then(
      (module) => (loaded = module.VncScreen as unknown as VncScreenComponent),
      (error: unknown) => {
        loading = undefined
        throw error
      },
    )
    return loading
  },
  /** The component once `load()` has resolved. */
  get current(): VncScreenComponent | undefined {
    return loaded
  },
}
