import { expect, it } from 'vitest'
import { vncScreenLoader } from '../loaders/vncScreenLoader.js'
import { preloadConsole } from './preloadConsole.js'
import { viewerLoader } from './viewerLoader.js'

it('does nothing on the server (no window), and resolves: react-vnc would crash there', async () => {
  expect(typeof window).toBe('undefined')
  await expect(preloadConsole()).resolves.toBeUndefined()
  await expect(preloadConsole()).resolves.toBeUndefined()
  expect(viewerLoader.current).toBeUndefined()
  expect(vncScreenLoader.current).toBeUndefined()
})
