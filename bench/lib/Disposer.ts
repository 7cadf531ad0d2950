/**
 * Everything the runner starts, stopped in reverse order exactly once: after the run, on an error,
 * on Ctrl+C or on the overall timeout. A failing stop is reported and the others still run.
 */
export class Disposer {
  readonly #stops: { name: string; stop: () => unknown }[] = []
  #running: Promise<void> | undefined

  add(name: string, stop: () => unknown): void {
    this.#stops.push({ name, stop })
  }

  dispose(): Promise<void> {
    this.#running ??= (async () => {
      for (let entry = this.#stops.pop(); entry; entry = this.#stops.pop()) {
        try {
          await entry.stop()
        } catch (error) {
          console.error(`bench: stopping ${entry.name} failed:`, error)
        }
      }
    })()
    return this.#running
  }
}
