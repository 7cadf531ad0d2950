import type { Page } from 'playwright-core'
import type { BenchApi } from '../page/BenchApi.ts'

type Api = { [K in keyof BenchApi]: BenchApi[K] }

/** Calls `window.bench[name](...args)` in the page. */
export async function callPage<K extends keyof Api>(
  page: Page,
  name: K,
  ...args: Parameters<Api[K]>
): Promise<Awaited<ReturnType<Api[K]>>> {
  const result = await page.evaluate(
    ({ name, args }) => {
      const api = window.bench
      if (!api) throw new Error('the bench page is not ready')
      const fn = api[name] as (...values: unknown[]) => unknown
      return fn.apply(api, args)
    },
    { name, args: args as unknown[] },
  )
  return result as Awaited<ReturnType<Api[K]>>
}
