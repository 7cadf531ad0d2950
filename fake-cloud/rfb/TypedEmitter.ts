type Listener<Args extends unknown[]> = (...args: Args) => void
/** How listeners are kept: the event map types them where they go in and come out. */
type Stored = Listener<unknown[]> & { listener?: unknown }

/**
 * The part of Node's EventEmitter the RFB server uses (on, once, off, emit), typed by an event
 * map. Its own, not `node:events`, so RfbServer and RfbSession also run in a browser (the story
 * mock). As in Node: listeners run in the order added, synchronously, over a copy of the list.
 */
export class TypedEmitter<Events extends { [K in keyof Events]: unknown[] }> {
  readonly #listeners = new Map<keyof Events, Stored[]>()

  on<K extends keyof Events>(event: K, listener: Listener<Events[K]>): this {
    const list = this.#listeners.get(event) ?? []
    list.push(listener as unknown as Stored)
    this.#listeners.set(event, list)
    return this
  }

  once<K extends keyof Events>(event: K, listener: Listener<Events[K]>): this {
    const wrapper: Listener<Events[K]> & { listener?: Listener<Events[K]> } = (...args) => {
      this.off(event, wrapper)
      listener(...args)
    }
    wrapper.listener = listener
    return this.on(event, wrapper)
  }

  /** Removes the latest registration of `listener` (given to `on` or `once`). */
  off<K extends keyof Events>(event: K, listener: Listener<Events[K]>): this {
    const list = this.#listeners.get(event)
    if (!list) return this
    const at = list.findLastIndex(
      (entry) => entry === listener || (entry as { listener?: unknown }).listener === listener,
    )
    if (at >= 0) list.splice(at, 1)
    return this
  }

  /** Calls every listener of `event`; true when there was one. */
  emit<K extends keyof Events>(event: K, ...args: Events[K]): boolean {
    const list = this.#listeners.get(event)
    if (!list || list.length === 0) return false
    for (const listener of [...list]) listener(...args)
    return true
  }
}
