import { afterEach, expect, it, vi } from 'vitest'
import { pageProtocol } from './pageProtocol.js'

afterEach(() => vi.unstubAllGlobals())

it('is undefined outside a browser and the page protocol inside one', () => {
  expect(pageProtocol()).toBeUndefined()
  vi.stubGlobal('location', new URL('https://portal.example.com/'))
  expect(pageProtocol()).toBe('https:')
})
