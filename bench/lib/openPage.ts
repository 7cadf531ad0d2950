import type { Page } from 'playwright-core'
import { callPage } from './callPage.ts'

/** Loads the bench page and points it at the fake CloudTower behind the same origin. */
export async function openPage(page: Page, url: string, token: string): Promise<void> {
  await page.goto(url)
  await page.waitForFunction(() => window.bench !== undefined)
  await callPage(page, 'setup', { endpoint: '/tower', token })
}
