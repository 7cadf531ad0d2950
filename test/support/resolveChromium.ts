// Which Chromium the real-browser test projects (browser, e2e, storybook) drive through Playwright.
// Debian's chromium is the normal one here: Playwright cannot download its own build on this network.
import { existsSync } from 'node:fs'
import { chromium } from 'playwright-core'

/** Flags Debian's chromium needs in a container (no user namespaces, no GPU, no phoning home). */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking']

export interface ChromiumChoice {
  /** Absolute path, or undefined when nothing usable was found. */
  executablePath: string | undefined
  /** Where it came from (or every place looked at), for messages. */
  source: string
}

/** CHROME_PATH, then CHROMIUM_PATH, then /usr/bin/chromium, then Playwright's own download. */
export function resolveChromium(env: NodeJS.ProcessEnv = process.env): ChromiumChoice {
  const tried: string[] = []
  const candidates: [string, string | undefined][] = [
    ['CHROME_PATH', env.CHROME_PATH],
    ['CHROMIUM_PATH', env.CHROMIUM_PATH],
    ['Debian chromium', '/usr/bin/chromium'],
    ["Playwright's chromium", playwrightChromium()],
  ]
  for (const [source, path] of candidates) {
    if (!path) continue
    if (existsSync(path)) return { executablePath: path, source: `${source} (${path})` }
    tried.push(`${source}: ${path}`)
  }
  return { executablePath: undefined, source: tried.join('; ') || 'nothing' }
}

/** Throws the message a developer or CI needs when no browser exists (called by globalSetup). */
export function requireChromium(env: NodeJS.ProcessEnv = process.env): string {
  const choice = resolveChromium(env)
  if (choice.executablePath) return choice.executablePath
  throw new Error(
    [
      'No Chromium for the browser tests (looked at ' + choice.source + ').',
      'Install one of:',
      '  sudo apt-get install -y chromium            # Debian/Ubuntu (what CI uses)',
      '  export CHROME_PATH=/path/to/chrome          # any Chrome/Chromium you already have',
      '  npx playwright install chromium             # Playwright’s own build (needs internet)',
    ].join('\n'),
  )
}

function playwrightChromium(): string | undefined {
  try {
    return chromium.executablePath()
  } catch {
    return undefined
  }
}
