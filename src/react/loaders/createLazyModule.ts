/** Code that loads on first use, once, and says when it has arrived. */
export interface LazyModule<T> {
  /** Starts loading (once; again after a failure) and resolves with the module's value. */
  load(): Promise<T>
  /** The value once loaded, else undefined. */
  readonly current: T | undefined
  /** Hears once when the value arrives. */
  subscribe(listener: () => void): () => void
}

/**
 * A lazily imported module: the package costs a host app nothing until a console mounts, and
 * server rendering never evaluates it. A failed import is forgotten, so the next `load()` (a
 * Retry) imports again instead of repeating the old failure.
 */
export function createLazyModule<T>(importer: () => Promise<T>): LazyModule<T> {
  let loading: Promise<T> | undefined
  let loaded: T | undefined
  const listeners = new Set<() => void>()
  return {
    load() {
      loading ??= importer().then(
        (value) => {
          loaded = value
          for (const listener of listeners) listener()
          return value
        },
        (error: unknown) => {
          loading = undefined
          throw error
        },
      )
      return loading
    },
    get current() {
      return loaded
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
