import type { CDPSession, Page } from 'playwright-core'
import { callPage } from './callPage.ts'

/** Used JS heap after full collections, from the page (gc()) and over CDP (bytes). */
export async function heapUsed(page: Page, cdp: CDPSession): Promise<number> {
  for (let i = 0; i < 3; i++) {
    await callPage(page, 'gc')
    await cdp.send('HeapProfiler.collectGarbage')
  }
  const { usedSize } = await cdp.send('Runtime.getHeapUsage')
  return usedSize
}
