import { describe, expect, it, vi } from 'vitest'
import { createLazyModule } from './createLazyModule.js'

describe('createLazyModule', () => {
  it('imports once, however often it is asked, and tells its listeners', async () => {
    const importer = vi.fn(async () => 'module')
    const lazy = createLazyModule(importer)
    const heard = vi.fn()
    const unsubscribe = lazy.subscribe(heard)
    expect(lazy.current).toBeUndefined()
    const [a, b] = await Promise.all([lazy.load(), lazy.load()])
    expect([a, b, lazy.current]).toEqual(['module', 'module', 'module'])
    expect(importer).toHaveBeenCalledTimes(1)
    expect(heard).toHaveBeenCalledTimes(1)
    unsubscribe()
    await lazy.load()
    expect(importer).toHaveBeenCalledTimes(1)
  })

  it('forgets a failed import, so a retry imports again', async () => {
    let attempts = 0
    const lazy = createLazyModule(async () => {
      if (++attempts === 1) throw new Error('chunk failed')
      return 42
    })
    await expect(lazy.load()).rejects.toThrow('chunk failed')
    expect(lazy.current).toBeUndefined()
    expect(await lazy.load()).toBe(42)
    expect(attempts).toBe(2)
  })
})
