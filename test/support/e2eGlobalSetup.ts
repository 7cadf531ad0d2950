// globalSetup of the e2e project: a browser must exist, and nothing a test started survives the run.
import { stopAllProcesses } from './managedProcess.ts'
import { requireChromium } from './resolveChromium.ts'

export default function setup(): () => Promise<void> {
  requireChromium()
  return async () => {
    const left = await stopAllProcesses()
    if (left.length > 0) console.warn(`e2e teardown stopped leftover processes: ${left.join(', ')}`)
  }
}
