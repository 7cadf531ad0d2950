import type { CDPSession, Page } from 'playwright-core'
import type { BenchEnv } from './BenchEnv.ts'

/** A fresh page whose errors are collected under the current phase, with its CDP session. */
export async function newPage(env: BenchEnv): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 800 } })
  page.on('pageerror', (error) => env.pageErrors.push(`${env.phase}: ${String(error)}`))
  page.on('console', (message) => {
    if (message.type() === 'error') env.pageErrors.push(`${env.phase}: ${message.text()}`)
  })
  const cdp = await page.context().newCDPSession(page)
  return { page, cdp }
}
