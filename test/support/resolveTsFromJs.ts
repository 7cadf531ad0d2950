// Imported for its effect: src/ imports siblings as `./x.js` (what the published declarations
// need), and Node's type stripping runs the `.ts` beside them. This resolve hook maps such a
// specifier to the `.ts` file when no `.js` exists, so child processes and benchmarks run src/
// as it is, with nothing built first. Synchronous hooks: Node ≥ 22.15.
import { registerHooks } from 'node:module'

registerHooks({
  resolve(specifier, context, next) {
    try {
      return next(specifier, context)
    } catch (error) {
      if (specifier.startsWith('.') && specifier.endsWith('.js')) {
        return next(`${specifier.slice(0, -3)}.ts`, context)
      }
      throw error
    }
  },
})
