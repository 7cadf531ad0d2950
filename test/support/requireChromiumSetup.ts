// globalSetup of every real-browser project: fail before launching with a message that says what to install.
import { requireChromium } from './resolveChromium.ts'

export default function setup(): void {
  requireChromium()
}
