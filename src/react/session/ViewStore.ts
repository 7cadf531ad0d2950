/**
 * The state React renders, outside React: `useSyncExternalStore` reads `get` and re-renders on
 * `set`. Immutable snapshots, so an unchanged view renders nothing.
 */
export class ViewStore<T extends object> {
  private view: T
  private readonly listeners = new Set<() => void>()

  constructor(initial: T) {
    this.view = initial
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  readonly get = (): T => this.view

  // Called from timers and socket events, never during a render, so listeners may run at once.
  set(patch: Partial<T>): void {
    if ((Object.keys(patch) as (keyof T)[]).every((key) => this.view[key] === patch[key])) return
    this.view = { ...this.view, ...patch }
    for (const listener of this.listeners) listener()
  }
}
